// Starts the bundled language server (dist/server.js) over Node IPC and restarts it after a crash,
// within a budget so that a server that crashes on start does not loop.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { initializationOptions } from './initializationOptions';
import { RestartBudget } from './restartBudget';

/** The client id is also the settings prefix: the client reads `socIdeas.trace.server` by itself. */
export const CLIENT_ID = 'socIdeas';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, budget: RestartBudget): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/{.soc-ideas.json,PROJECT_IDEA_TEMPLATE.md}');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { fileEvents: watcher, configurationSection: 'socIdeas' },
    initializationOptions: initializationOptions(context),
    outputChannel: output,
    errorHandler: restartingErrorHandler(budget),
  };
  return new LanguageClient(CLIENT_ID, 'SoC Ideas', serverOptions, clientOptions);
}

function restartingErrorHandler(budget: RestartBudget): ErrorHandler {
  return {
    error(_error, _message, count): ErrorHandlerResult {
      // A few bad messages are survivable; a connection that keeps failing is not.
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
    },
    closed(): CloseHandlerResult {
      if (budget.tryRestart()) return { action: CloseAction.Restart };
      const message = 'The SoC Ideas language server stopped 5 times in 3 minutes and will not be restarted.';
      void vscode.window.showErrorMessage(message, 'Show Output', 'Restart').then((choice) => {
        if (choice === 'Show Output') void vscode.commands.executeCommand('socIdeas.showOutput');
        if (choice === 'Restart') void vscode.commands.executeCommand('socIdeas.restartServer');
      });
      // The client logs the message in the output; `handled` keeps it from showing a second notification.
      return { action: CloseAction.DoNotRestart, handled: true, message };
    },
  };
}
