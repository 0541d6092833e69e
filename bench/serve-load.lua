-- bench/serve-load.lua: wrk's script for bench/serve-load.sh (wrk 4, LuaJIT).
--
--   wrk -t T -c C -d 15s -s bench/serve-load.lua http://127.0.0.1:PORT -- MANIFEST
--   wrk -t T -c C -d 15s -s bench/serve-load.lua http://127.0.0.1:PORT/healthz
--
-- With a MANIFEST (lines "PATH TOKEN BODY-FILE", written shuffled by serve-load.sh), every
-- request is the next line's POST: each thread starts at its own place in the list and walks it
-- round, so concurrent requests are mostly different students and problems, as in a class.
-- Without one, wrk's own GET of the URL. Either way done() prints one line for the script:
--   RESULT requests=N seconds=S ok=N bad=N errors=N p50_ms=X p90_ms=X p99_ms=X max_ms=X
-- where bad counts answers with a status of 400 or more and errors failed connections,
-- reads, writes and timeouts (wrk's latency covers the answered requests only).

local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("index", counter)
    table.insert(threads, thread)
end

local requests = nil
local next_request = 1

function init(args)
    local manifest = args[1]
    if manifest == nil then
        return
    end
    requests = {}
    for line in io.lines(manifest) do
        local path, token, file = line:match("^(%S+) (%S+) (%S+)$")
        if path then
            local f = assert(io.open(file, "rb"))
            local body = f:read("*a")
            f:close()
            table.insert(requests, wrk.format("POST", path, {
                ["Authorization"] = "Bearer " .. token,
                ["Content-Type"] = "application/json",
            }, body))
        end
    end
    assert(#requests > 0, "no requests in " .. manifest)
    -- each thread starts elsewhere in the list (golden-ratio steps), so no two walk it in step
    next_request = 1 + math.floor((index - 1) * 0.618 * #requests) % #requests
end

function request()
    if requests == nil then
        return wrk.request()
    end
    local r = requests[next_request]
    next_request = next_request % #requests + 1
    return r
end

function done(summary, latency, _)
    local e = summary.errors
    local failed = e.connect + e.read + e.write + e.timeout
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "RESULT requests=%d seconds=%.3f ok=%d bad=%d errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
        summary.requests, seconds, summary.requests - e.status, e.status, failed,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
end
