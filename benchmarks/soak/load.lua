-- wrk script of the soak, in two mixes chosen by SOAK_MIX:
--   app (default): routes with random ids, 404s, dataset uploads, runs, hostile paths, and methods that the
--     application or Dropwizard's allowed-methods filter answers (405 for BREW, PROPFIND, TRACE), so every
--     response wrk counts is a request the bundle counts in http_requests_total;
--   rejected: hostile paths that Jetty refuses before the application's context sees them (400 for ambiguous or
--     malformed paths), which the bundle cannot count.
-- Known experiment ids come from SOAK_IDS (comma-separated); done() writes the request and status counts as
-- key=value lines to SOAK_WRK_RESULT.

local ids = {}
for id in string.gmatch(os.getenv("SOAK_IDS") or "1", "[^,]+") do ids[#ids + 1] = id end
local rejected_mix = os.getenv("SOAK_MIX") == "rejected"
local upload = string.rep("0123456789abcdef", 64) -- 1 KiB
local hostile = {
  "/experiments/-1", "/experiments/99999999999999999999", "/experiments/1;jsessionid=x", "/experiments/1?limit=%00%ff",
  "/%E2%98%83/%F0%9F%92%A9", "/experiments/abc", "/experiments/1/runs/../../..", "/experiments?limit=0",
  "/experiments?limit=abc", "/.env", "/wp-login.php", "/%3B", "/x%20y", "/experiments/" .. string.rep("9", 300),
}
local methods = { "DELETE", "PATCH", "PUT", "OPTIONS", "BREW", "PROPFIND", "TRACE" }
local refused_paths = { "/%00", "/a%2fb", "/%2e%2e/x", "/%C0%AF", "/%FF%FE", "/%0A", "/%5C", "/%2e" }
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
local threads = {}
local counter = 0
statuses = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

local function pick(list) return list[math.random(#list)] end

-- a random path segment of percent-encoded letters and digits, which the server decodes without complaint
local function encoded_segment()
  local bytes = {}
  for i = 1, math.random(1, 40) do
    local k = math.random(#alphabet)
    bytes[i] = string.format("%%%02X", string.byte(alphabet, k))
  end
  return table.concat(bytes)
end

local function refused_request()
  return wrk.format("GET", pick(refused_paths) .. "/" .. math.random(1, 1000000000))
end

function request()
  counter = counter + 1
  if rejected_mix then return refused_request() end
  local r = math.random(1000)
  if r <= 350 then return wrk.format("GET", "/experiments/" .. pick(ids)) end
  if r <= 450 then return wrk.format("GET", "/experiments/" .. math.random(1000000, 9999999)) end -- 404
  if r <= 600 then return wrk.format("GET", "/experiments?limit=" .. math.random(1, 20)) end
  if r <= 750 then return wrk.format("GET", "/") end
  if r <= 850 then return wrk.format("GET", "/no/such/" .. math.random(1, 1000000000)) end -- unmatched 404
  if r <= 860 then
    return wrk.format("POST", "/datasets?name=soak-" .. id .. "-" .. counter,
      { ["Content-Type"] = "application/octet-stream" }, upload)
  end
  if r <= 870 then return wrk.format("POST", "/experiments/" .. pick(ids) .. "/runs") end
  if r <= 900 then return wrk.format(pick(methods), "/experiments/" .. pick(ids)) end
  if r <= 950 then return wrk.format("GET", pick(hostile)) end
  return wrk.format("GET", "/" .. encoded_segment() .. "/" .. encoded_segment())
end

function response(status, headers, body)
  local class = math.floor(status / 100) .. "xx"
  statuses[class] = (statuses[class] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for class, n in pairs(thread:get("statuses")) do totals[class] = (totals[class] or 0) + n end
  end
  local out = assert(io.open(os.getenv("SOAK_WRK_RESULT"), "w"))
  out:write("requests=", summary.requests, "\n")
  out:write("duration_us=", summary.duration, "\n")
  for _, kind in ipairs({ "connect", "read", "write", "status", "timeout" }) do
    out:write("errors_", kind, "=", summary.errors[kind], "\n")
  end
  for class, n in pairs(totals) do out:write("status_", class, "=", n, "\n") end
  out:close()
end
