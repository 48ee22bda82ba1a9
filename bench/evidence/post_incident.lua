-- wrk script: create incidents through the JSON API, each with a new title (and so a new id).
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"title":"Bench incident %d %d","date":"2030-02-14","kind":"arrest","summary":"Created by the write benchmark."}',
    counter, math.random(1, 1000000000))
  return wrk.format("POST", nil, nil, body)
end
