-- Run after init.lua with the fixture open: waits for the server's diagnostics, asks for a completion
-- after `Mentor(s): ` on a line it adds and for the document symbols, writes everything as JSON to
-- SOC_IDEAS_OUT, and quits. Whatever fails is written down too, so the test can say why.
local out_path = assert(os.getenv('SOC_IDEAS_OUT'), 'SOC_IDEAS_OUT is not set')
local result = { errors = {}, progress = {} }

-- The server indexes the workspace folder in the background and reports it as work-done progress;
-- the completion below should offer mentors from the other idea file, so wait for the end of that.
-- (This runs before Neovim reads any message from the server, so no report is missed.)
local default_progress = vim.lsp.handlers['$/progress']
vim.lsp.handlers['$/progress'] = function(err, params, ctx, config)
  if params and params.value and params.value.kind then
    table.insert(result.progress, { kind = params.value.kind, title = params.value.title })
  end
  if default_progress then
    return default_progress(err, params, ctx, config)
  end
end

local function progress_ended()
  for _, p in ipairs(result.progress) do
    if p.kind == 'end' then
      return true
    end
  end
  return false
end

local function clients_of(bufnr)
  local list = {}
  if vim.lsp.get_clients then
    list = vim.lsp.get_clients({ bufnr = bufnr })
  else
    for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      table.insert(list, c)
    end
  end
  return list
end

-- buf_request_sync answers { [client_id] = { result = ..., err = ... } }: keep our one client's.
local function request(bufnr, method, params)
  local answers, err = vim.lsp.buf_request_sync(bufnr, method, params, 20000)
  if answers == nil then
    table.insert(result.errors, method .. ': ' .. tostring(err))
    return vim.NIL
  end
  for _, answer in pairs(answers) do
    if answer.err then
      table.insert(result.errors, method .. ': ' .. vim.inspect(answer.err))
    end
    if answer.result ~= nil then
      return answer.result
    end
  end
  return vim.NIL
end

local function probe()
  local bufnr = vim.api.nvim_get_current_buf()
  local v = vim.version()
  result.nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch)
  result.filetype = vim.bo[bufnr].filetype

  result.attached = vim.wait(20000, function()
    return #clients_of(bufnr) > 0
  end, 20)
  if not result.attached then
    table.insert(result.errors, 'no language client attached to the buffer')
    return
  end

  -- The server publishes diagnostics once it has read the file; wait for them, no fixed sleep.
  result.diagnostics_arrived = vim.wait(30000, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code,
      source = d.source,
      message = d.message,
    })
  end

  result.indexed = vim.wait(30000, progress_ended, 50)

  result.symbols = request(bufnr, 'textDocument/documentSymbol', {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
  })

  -- A new idea at the end whose Mentor(s) field is still empty: complete right after the label.
  local mentor_line = '-\tMentor(s): '
  local count = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, count, count, false, {
    '',
    '#### Solar charging hints',
    '',
    '-\tDescription: Tell users when to charge so that the battery lasts longest.',
    '-\tRecommended Skills: Swift',
    mentor_line,
  })
  local line = vim.api.nvim_buf_line_count(bufnr) - 1
  result.completion_position = { line = line, character = #mentor_line }
  result.completion = request(bufnr, 'textDocument/completion', {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    position = result.completion_position,
  })
end

local ok, err = pcall(probe)
if not ok then
  table.insert(result.errors, 'probe failed: ' .. tostring(err))
end

local file = assert(io.open(out_path, 'w'))
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qall!')
