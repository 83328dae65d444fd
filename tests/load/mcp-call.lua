-- wrk script: the same MCP request on every call. Arguments: the JSON body, then "Name: value" headers.
-- A call counts as failed unless it is HTTP 200 with a JSON-RPC result that is not a tool error.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.body = args[1]
  for i = 2, #args do
    local name, value = string.match(args[i], "^([^:]+):%s*(.*)$")
    wrk.headers[name] = value
  end
  failed = 0
end

function response(status, headers, body)
  if status ~= 200
      or not string.find(body, '"result"', 1, true)
      or string.find(body, '"isError":true', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failed")
  end
  io.write(string.format("failed_calls %d\n", total))
  io.write(string.format("latency_p50_us %d\n", latency:percentile(50)))
  io.write(string.format("latency_p99_us %d\n", latency:percentile(99)))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("duration_us %d\n", summary.duration))
end
