-- wrk script of RestLatencyBenchmark: each connection cycles through the request paths listed in the file
-- given as the first script argument, starting at a random one, and waits the second argument (ms, 0 = none)
-- before each request, which caps its rate. At the end it prints one RESULT line with latency percentiles (us).
local paths = {}
local pause = 0
local next_path = 1

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  pause = tonumber(args[2] or "0")
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  next_path = math.random(#paths)
end

function delay()
  return pause
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f p50=%.0f p90=%.0f p99=%.0f p999=%.0f max=%.0f non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max, e.status,
    e.connect + e.read + e.write + e.timeout))
end
