-- wrk script: posts votes as the site's widget does, to the collector's POST /.
--   wrk -t2 -c64 -d10s -s bench/feedback/vote.lua http://127.0.0.1:8080/ -- ARTICLE_PATH...
-- Each request names a client address in X-Forwarded-For (198.18.0.0/15, the range set aside for
-- benchmarks), so a collector started with --trusted-proxy 127.0.0.1 rate-limits per address as
-- behind a load balancer. At the end it prints the votes acknowledged (201) and refused.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local answers = { "yes", "partly", "no" }

function init(args)
  articles = args
  if #articles == 0 then articles = { "unknown/" } end
  counter = 0
  acknowledged = 0
  refused = 0
end

function request()
  counter = counter + 1
  local article = articles[(counter % #articles) + 1]
  local body = '{"article":"' .. article .. '","reaction":"' .. answers[(counter % 3) + 1] .. '","page":"/' .. article .. '"}'
  local n = (id * 65536 + counter) % 131072
  local address = string.format("198.%d.%d.%d", 18 + math.floor(n / 65536), math.floor(n / 256) % 256, n % 256)
  return wrk.format("POST", "/", { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address }, body)
end

function response(status, headers, body)
  if status == 201 then
    acknowledged = acknowledged + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local total_acknowledged, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_acknowledged = total_acknowledged + thread:get("acknowledged")
    total_refused = total_refused + thread:get("refused")
  end
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("acknowledged %d\n", total_acknowledged))
  io.write(string.format("refused %d\n", total_refused))
  io.write(string.format("socket_errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("acknowledged_per_second %.0f\n", total_acknowledged / seconds))
  io.write(string.format("latency_p99_ms %.1f\n", latency:percentile(99) / 1000))
end
