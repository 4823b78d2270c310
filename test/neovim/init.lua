-- A minimal Neovim config that runs the SoC Ideas language server on markdown, the way a user would:
-- only Neovim's built-in LSP client, no plugin. Works on Neovim 0.7 (Debian bookworm) and later
-- (`vim.lsp.start` would do on 0.8+, see docs/editors.md).
--
-- The test sets SOC_IDEAS_SERVER (the bundled server .js) and SOC_IDEAS_ROOT (the workspace folder).
local server = assert(os.getenv('SOC_IDEAS_SERVER'), 'SOC_IDEAS_SERVER is not set')
local root = assert(os.getenv('SOC_IDEAS_ROOT'), 'SOC_IDEAS_ROOT is not set')
local node = os.getenv('SOC_IDEAS_NODE') or 'node'

vim.cmd('filetype on')

local client_id = nil

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'markdown',
  callback = function(args)
    if client_id == nil then
      client_id = vim.lsp.start_client({
        name = 'soc-ideas',
        cmd = { node, server, '--stdio' },
        root_dir = root,
        -- didChange at once: the test edits the buffer and asks for a completion right after.
        flags = { debounce_text_changes = 0 },
      })
    end
    if client_id ~= nil then
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})
