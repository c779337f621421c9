import { createHash } from 'node:crypto';

/**
 * The Lua scripts behind `RedisPresence`. Each operation is one script, so Redis runs it atomically:
 * no other client sees a half-done claim, and a failure (or a dropped connection) leaves nothing
 * half-applied. All scripts take the tenant's key prefix `aftercare:{tenantId}:` as ARGV[1]; the
 * braces are a Redis Cluster hash tag, so every key of a tenant lives in one slot and a script may
 * touch several of them. KEYS lists the fixed keys so clients and proxies route by them.
 *
 * Keys of a tenant:
 * - `agents`           set of agent ids with state
 * - `agent:<id>`       hash: status, capacity (absent = default), load, idleSince
 * - `conns:<id>`       sorted set: connection id → expiry time (ms)
 * - `queue`            sorted set: conversation id → enqueuedAt (FIFO; ties by id)
 * - `queue-teams`      hash: conversation id → team id, for queued conversations bound to a team
 * - `routing-ready`    present once load and queue were built from the store
 */

/** Error reply prefix for `RoutingStateMissingError`. */
export const ROUTING_STATE_MISSING = 'AFTERCARE_ROUTING_STATE_MISSING';

/** A script and its SHA1, for EVALSHA with a fallback to EVAL after a Redis restart. */
export interface LuaScript {
  source: string;
  sha1: string;
}

const prelude = `
local prefix = ARGV[1]
local agentsKey, queueKey, readyKey, queueTeamsKey = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local function agentKey(id) return prefix .. 'agent:' .. id end
local function connsKey(id) return prefix .. 'conns:' .. id end
-- Redis turns Lua numbers into strings with 14 significant digits; write integers exactly.
local function int(n) return string.format('%d', n) end

-- Byte order, whatever locale Redis runs in (Lua's < on strings uses strcoll).
local function bytesBefore(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

local function ensureReady()
  if redis.call('EXISTS', readyKey) == 0 then
    return redis.error_reply('${ROUTING_STATE_MISSING} routing state missing')
  end
end

-- Reads an agent, forgetting expired connections first.
local function readAgent(id, now, defaultCapacity)
  redis.call('ZREMRANGEBYSCORE', connsKey(id), '-inf', now)
  local f = redis.call('HMGET', agentKey(id), 'status', 'capacity', 'load', 'idleSince')
  return {
    id = id,
    status = f[1] or 'offline',
    capacity = tonumber(f[2]) or defaultCapacity,
    load = tonumber(f[3]) or 0,
    idleSince = tonumber(f[4]) or 0,
    connections = redis.call('ZCARD', connsKey(id)),
  }
end

local function effectiveStatus(a)
  if a.status == 'online' and a.connections == 0 then return 'away' end
  return a.status
end

local function reply(a)
  return { a.id, effectiveStatus(a), a.connections, a.capacity, a.load, a.idleSince }
end

local function isEligible(a)
  return a.status == 'online' and a.connections > 0 and a.load < a.capacity
end

local function better(a, b)
  return a.load < b.load or (a.load == b.load and
    (a.idleSince < b.idleSince or (a.idleSince == b.idleSince and bytesBefore(a.id, b.id))))
end

-- Eligible agents, best first.
local function eligibleByRank(now, defaultCapacity)
  local eligible = {}
  for _, id in ipairs(redis.call('SMEMBERS', agentsKey)) do
    local a = readAgent(id, now, defaultCapacity)
    if isEligible(a) then table.insert(eligible, a) end
  end
  table.sort(eligible, better)
  return eligible
end

-- Team members passed by the caller from ARGV[first]: count, then per team: id, member count, members.
local function readTeams(first)
  local teams = {}
  local i = first + 1
  for _ = 1, tonumber(ARGV[first] or '0') do
    local members = {}
    local count = tonumber(ARGV[i + 1])
    for j = 1, count do members[ARGV[i + 1 + j]] = true end
    teams[ARGV[i]] = members
    i = i + 2 + count
  end
  return teams
end

-- The best eligible agent who may take a chat of teamId (false: anyone; an unknown team: anyone).
local function pickFor(eligible, teamId, teams)
  local members = teamId and teams[teamId] or nil
  for _, a in ipairs(eligible) do
    if members == nil or members[a.id] then return a end
  end
  return nil
end

local function queuedTeam(conversationId)
  local teamId = redis.call('HGET', queueTeamsKey, conversationId)
  if teamId == false or teamId == '' then return false end
  return teamId
end

local function setQueuedTeam(conversationId, teamId)
  if teamId and teamId ~= '' then redis.call('HSET', queueTeamsKey, conversationId, teamId)
  else redis.call('HDEL', queueTeamsKey, conversationId) end
end

local function take(a, now)
  a.load = a.load + 1
  a.idleSince = now
  redis.call('HSET', agentKey(a.id), 'load', a.load, 'idleSince', int(now))
  redis.call('SADD', agentsKey, a.id)
  return a
end

local function queuePosition(conversationId)
  local rank = redis.call('ZRANK', queueKey, conversationId)
  if rank == false then return false end
  return rank + 1
end
`;

function script(body: string): LuaScript {
  const source = `${prelude}\n${body}`;
  return { source, sha1: createHash('sha1').update(source).digest('hex') };
}

/** ARGV after the prefix is noted above each script. */
export const presenceScripts = {
  /** agentId, connectionId, now, ttlMs, defaultCapacity */
  connect: script(`
local id, now = ARGV[2], tonumber(ARGV[4])
redis.call('ZADD', connsKey(id), int(now + tonumber(ARGV[5])), ARGV[3])
-- Garbage collection only: scores, not this expiry, decide which connections are live.
redis.call('PEXPIRE', connsKey(id), tonumber(ARGV[5]))
redis.call('SADD', agentsKey, id)
return reply(readAgent(id, now, tonumber(ARGV[6])))`),

  /** agentId, connectionId, now, ttlMs */
  heartbeat: script(`
local id, now = ARGV[2], tonumber(ARGV[4])
local expiresAt = tonumber(redis.call('ZSCORE', connsKey(id), ARGV[3]) or 0)
redis.call('ZADD', connsKey(id), int(now + tonumber(ARGV[5])), ARGV[3])
redis.call('PEXPIRE', connsKey(id), tonumber(ARGV[5]))
redis.call('SADD', agentsKey, id)
if expiresAt > now then return 1 end
return 0`),

  /** agentId, connectionId, now, defaultCapacity; replies presence + changed flag */
  disconnect: script(`
local id, now, defaultCapacity = ARGV[2], tonumber(ARGV[4]), tonumber(ARGV[5])
local before = effectiveStatus(readAgent(id, now, defaultCapacity))
redis.call('ZREM', connsKey(id), ARGV[3])
local a = readAgent(id, now, defaultCapacity)
if a.status == 'online' and a.connections == 0 then
  a.status = 'away'
  redis.call('HSET', agentKey(id), 'status', 'away')
end
local r = reply(a)
r[7] = (effectiveStatus(a) ~= before) and 1 or 0
return r`),

  /** agentId, status, now, defaultCapacity; replies presence + changed flag */
  setStatus: script(`
local id, now = ARGV[2], tonumber(ARGV[4])
local a = readAgent(id, now, tonumber(ARGV[5]))
local before = effectiveStatus(a)
a.status = ARGV[3]
if a.status == 'online' and a.connections == 0 then a.status = 'away' end
redis.call('HSET', agentKey(id), 'status', a.status)
if a.status == 'online' and before ~= 'online' then
  a.idleSince = now
  redis.call('HSET', agentKey(id), 'idleSince', int(now))
end
redis.call('SADD', agentsKey, id)
local r = reply(a)
r[7] = (effectiveStatus(a) ~= before) and 1 or 0
return r`),

  /** agentId, capacity, now, defaultCapacity */
  setCapacity: script(`
local id = ARGV[2]
redis.call('HSET', agentKey(id), 'capacity', ARGV[3])
redis.call('SADD', agentsKey, id)
return reply(readAgent(id, tonumber(ARGV[4]), tonumber(ARGV[5])))`),

  /** now, defaultCapacity; replies the agents that went away */
  expireConnections: script(`
local now, defaultCapacity = tonumber(ARGV[2]), tonumber(ARGV[3])
local wentAway = {}
for _, id in ipairs(redis.call('SMEMBERS', agentsKey)) do
  local a = readAgent(id, now, defaultCapacity)
  if a.status == 'online' and a.connections == 0 then
    a.status = 'away'
    redis.call('HSET', agentKey(id), 'status', 'away')
    table.insert(wentAway, reply(a))
  end
end
return wentAway`),

  /** now, defaultCapacity, agentIds... (none = every agent of the tenant) */
  read: script(`
local now, defaultCapacity = tonumber(ARGV[2]), tonumber(ARGV[3])
local ids = {}
for i = 4, #ARGV do table.insert(ids, ARGV[i]) end
if #ids == 0 then ids = redis.call('SMEMBERS', agentsKey) end
local agents = {}
for _, id in ipairs(ids) do table.insert(agents, reply(readAgent(id, now, defaultCapacity))) end
return agents`),

  /**
   * onlyIfMissing (1|0), loadCount, agentId load pairs..., capacityCount, agentId capacity pairs...,
   * conversationId enqueuedAt teamId ('' none) triples...
   */
  rebuild: script(`
if ARGV[2] == '1' and redis.call('EXISTS', readyKey) == 1 then return 0 end
for _, id in ipairs(redis.call('SMEMBERS', agentsKey)) do redis.call('HSET', agentKey(id), 'load', 0) end
local loadEnd = 3 + 2 * tonumber(ARGV[3])
for i = 4, loadEnd, 2 do
  redis.call('HSET', agentKey(ARGV[i]), 'load', ARGV[i + 1])
  redis.call('SADD', agentsKey, ARGV[i])
end
local capacityEnd = loadEnd + 1 + 2 * tonumber(ARGV[loadEnd + 1])
for i = loadEnd + 2, capacityEnd, 2 do
  redis.call('HSET', agentKey(ARGV[i]), 'capacity', ARGV[i + 1])
  redis.call('SADD', agentsKey, ARGV[i])
end
redis.call('DEL', queueKey, queueTeamsKey)
for i = capacityEnd + 1, #ARGV, 3 do
  redis.call('ZADD', queueKey, ARGV[i + 1], ARGV[i])
  setQueuedTeam(ARGV[i], ARGV[i + 2])
end
redis.call('SET', readyKey, '1')
return 1`),

  /**
   * conversationId, enqueuedAt, now, defaultCapacity, teamId ('' none), teams...;
   * replies {'assigned', presence...} or {'queued', position}
   */
  offer: script(`
local ready = ensureReady() if ready then return ready end
local id, now = ARGV[2], tonumber(ARGV[4])
local teamId = ARGV[6]
if teamId == '' then teamId = false end
if redis.call('ZSCORE', queueKey, id) == false then
  local teams = readTeams(7)
  local eligible = eligibleByRank(now, tonumber(ARGV[5]))
  -- Whoever waits and could be served goes first (FIFO).
  local servableBefore = false
  if #eligible > 0 then
    for _, queued in ipairs(redis.call('ZRANGE', queueKey, 0, -1)) do
      if pickFor(eligible, queuedTeam(queued), teams) then servableBefore = true break end
    end
  end
  local winner = nil
  if not servableBefore then winner = pickFor(eligible, teamId, teams) end
  if winner then
    local r = reply(take(winner, now))
    table.insert(r, 1, 'assigned')
    return r
  end
  redis.call('ZADD', queueKey, 'NX', ARGV[3], id)
  setQueuedTeam(id, teamId)
end
return { 'queued', queuePosition(id) }`),

  /** now, defaultCapacity, agentIds... (none = every agent of the tenant) */
  claim: script(`
local ready = ensureReady() if ready then return ready end
local now = tonumber(ARGV[2])
local among = nil
if #ARGV > 3 then
  among = {}
  for i = 4, #ARGV do among[ARGV[i]] = true end
end
for _, a in ipairs(eligibleByRank(now, tonumber(ARGV[3]))) do
  if among == nil or among[a.id] then return reply(take(a, now)) end
end
return false`),

  /** now, defaultCapacity, teams...; replies {conversationId, enqueuedAt, teamId ('' none), presence...} */
  claimNext: script(`
local ready = ensureReady() if ready then return ready end
local now = tonumber(ARGV[2])
local eligible = eligibleByRank(now, tonumber(ARGV[3]))
if #eligible == 0 then return false end
local teams = readTeams(4)
local entries = redis.call('ZRANGE', queueKey, 0, -1, 'WITHSCORES')
for i = 1, #entries, 2 do
  local id = entries[i]
  local teamId = queuedTeam(id)
  local winner = pickFor(eligible, teamId, teams)
  if winner then
    redis.call('ZREM', queueKey, id)
    redis.call('HDEL', queueTeamsKey, id)
    local r = reply(take(winner, now))
    table.insert(r, 1, teamId or '')
    table.insert(r, 1, tonumber(entries[i + 1]))
    table.insert(r, 1, id)
    return r
  end
end
return false`),

  /** agentId, now, overCapacity (1|0), defaultCapacity */
  reserve: script(`
local ready = ensureReady() if ready then return ready end
local id, now = ARGV[2], tonumber(ARGV[3])
if redis.call('SISMEMBER', agentsKey, id) == 0 then return false end
local a = readAgent(id, now, tonumber(ARGV[5]))
local allowed = isEligible(a)
if ARGV[4] == '1' then allowed = a.status ~= 'offline' end
if not allowed then return false end
return reply(take(a, now))`),

  /** agentId, now, defaultCapacity */
  release: script(`
local ready = ensureReady() if ready then return ready end
local id = ARGV[2]
local a = readAgent(id, tonumber(ARGV[3]), tonumber(ARGV[4]))
a.load = math.max(0, a.load - 1)
redis.call('HSET', agentKey(id), 'load', a.load)
redis.call('SADD', agentsKey, id)
return reply(a)`),

  /** conversationId, enqueuedAt, teamId ('' none) */
  enqueue: script(`
local ready = ensureReady() if ready then return ready end
redis.call('ZADD', queueKey, 'NX', ARGV[3], ARGV[2])
setQueuedTeam(ARGV[2], ARGV[4])
return queuePosition(ARGV[2])`),

  /** conversationId */
  dequeue: script(`
local ready = ensureReady() if ready then return ready end
redis.call('HDEL', queueTeamsKey, ARGV[2])
return redis.call('ZREM', queueKey, ARGV[2])`),

  /** conversationId */
  position: script(`
local ready = ensureReady() if ready then return ready end
return queuePosition(ARGV[2])`),

  /** (none) */
  queue: script(`
local ready = ensureReady() if ready then return ready end
return redis.call('ZRANGE', queueKey, 0, -1)`),
} satisfies Record<string, LuaScript>;

export type PresenceScriptName = keyof typeof presenceScripts;
