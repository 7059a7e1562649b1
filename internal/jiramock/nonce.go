package jiramock

import (
	"hash/maphash"
	"sync"
)

// nonceShards spreads the nonce cache over several locks so that parallel
// requests rarely wait for one another.
const nonceShards = 16

// nonceCache remembers the nonces seen within the timestamp window, per
// consumer (and token), as net.oauth's SimpleOAuthValidator does with its
// UsedNonce(timestamp, consumer key, token, nonce) set. A nonce whose
// timestamp has left the window can never be replayed (the timestamp check
// refuses it first), so such entries are pruned.
type nonceCache struct {
	seed   maphash.Seed
	window int64
	shards [nonceShards]nonceShard
}

type nonceShard struct {
	mu        sync.Mutex
	seen      map[nonceKey]struct{}
	lastPrune int64
}

type nonceKey struct {
	consumer, token, nonce string
	timestamp              int64
}

func newNonceCache(window int64) *nonceCache {
	c := &nonceCache{seed: maphash.MakeSeed(), window: window}
	for i := range c.shards {
		c.shards[i].seen = make(map[nonceKey]struct{})
	}
	return c
}

// use records a nonce and reports whether it was new. now is the server's
// clock in Unix seconds.
func (c *nonceCache) use(consumer, token, nonce string, timestamp, now int64) bool {
	k := nonceKey{consumer, token, nonce, timestamp}
	sh := &c.shards[hashNonce(c, nonce)]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if now-sh.lastPrune >= c.window {
		for old := range sh.seen {
			if old.timestamp < now-c.window {
				delete(sh.seen, old)
			}
		}
		sh.lastPrune = now
	}
	if _, dup := sh.seen[k]; dup {
		return false
	}
	sh.seen[k] = struct{}{}
	return true
}

// size is the number of remembered nonces, for tests.
func (c *nonceCache) size() int {
	n := 0
	for i := range c.shards {
		c.shards[i].mu.Lock()
		n += len(c.shards[i].seen)
		c.shards[i].mu.Unlock()
	}
	return n
}

func hashNonce(c *nonceCache, nonce string) uint64 {
	return maphash.String(c.seed, nonce) % nonceShards
}
