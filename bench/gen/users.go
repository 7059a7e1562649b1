package gen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
)

// person is a name to build users from: a JIRA user name (Server), a display
// name and the local part of an email address.
type person struct{ name, display, mail string }

// people mix scripts, accents, spaces, apostrophes and characters that need
// percent-encoding in the lookup URL (encodeURIComponent, then node-oauth's
// own encoding in the signature base string, docs/node-oauth.md).
var people = []person{
	{"fred", "Fred F. User", "fred"},
	{"jdoe", "Jane Doe", "jane.doe"},
	{"jürgen.müller", "Jürgen Müller", "juergen.mueller"},
	{"søren", "Søren Kierkegaard", "soren"},
	{"zoë", "Zoë Saldaña", "zoe"},
	{"josé.garcía", "José García", "jose.garcia"},
	{"françois", "François Truffaut", "francois"},
	{"łukasz", "Łukasz Żółć", "lukasz"},
	{"li.lei", "李雷", "li.lei"},
	{"tarō", "山田 太郎", "taro"},
	{"иван", "Иван Петров", "ivan"},
	{"oğuz", "Oğuz Atay", "oguz"},
	{"ahmed", "أحمد علي", "ahmed"},
	{"nguyen", "Nguyễn Văn An", "nguyen"},
	{"o'brien", "Conan O'Brien", "obrien"},
	{"rocket", "Rocket 🚀 User", "rocket"},
	{"a+b", "Plus Sign", "plus"},
	{"mary ann", "Mary Ann Evans", "mary.ann"},
	{"x&y", "Ampersand & Co", "amp"},
	{"ops-bot", "Ops Bot (automation)", "ops-bot"},
}

var (
	serverBases = []string{"https://jira.example.com", "http://www.example.com/jira", "https://issues.example.org:8443"}
	mailDomains = []string{"example.com", "corp.example.org", "mail.example.net"}
	groupNames  = []string{"jira-software-users", "jira-administrators", "developers", "qa", "ops", "security",
		"release-managers", "support-l1", "support-l2", "finance", "hr", "legal", "design", "data", "platform",
		"mobile", "web", "backend", "frontend", "sre", "équipe-paris", "東京チーム", "on-call", "contractors"}
	groupCounts = []int{0, 1, 1, 2, 3, 3, 5, 10, 25, 40}
	timeZones   = []string{"Europe/Berlin", "Australia/Sydney", "America/New_York", "Asia/Tokyo", "UTC"}
	locales     = []string{"en_US", "en_AU", "de_DE", "fr_FR", "ja_JP", "pt_BR"}
)

// user is a generated JIRA user object and what the script reads of it.
type user struct {
	raw       json.RawMessage
	name      string // JIRA user name (Server), "" on Cloud
	accountID string // Cloud
}

func str(s string) json.RawMessage { return marshal(s) }

func marshal(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only plain values here
	}
	return b
}

// serverUser is a Server/DC user as /rest/api/2/user?expand=groups answers
// (docs/jira.md "REST shapes"): name and key, email and avatars possibly absent.
func serverUser(r *rand.Rand, i int) user {
	p := people[r.IntN(len(people))]
	name := p.name
	if r.IntN(3) > 0 {
		name = fmt.Sprintf("%s%d", p.name, i)
	}
	base := serverBases[r.IntN(len(serverBases))]
	key := name
	if r.IntN(2) == 0 {
		key = fmt.Sprintf("JIRAUSER%d", 10000+i)
	}
	m := []kv{
		{"self", str(base + "/rest/api/2/user?username=" + url.QueryEscape(name))},
		{"key", str(key)},
		{"name", str(name)},
	}
	m = append(m, email(r, p, i)...)
	m = append(m, avatars(r, func(size string) string {
		return base + "/secure/useravatar?size=" + size + "&ownerId=" + url.QueryEscape(key) + fmt.Sprintf("&avatarId=%d", 10300+i%97)
	})...)
	m = append(m, details(r, p, func(g string) string { return base + "/rest/api/2/group?groupname=" + url.QueryEscape(g) })...)
	return user{raw: object(m), name: name}
}

// cloudUser is a Jira Cloud user as /rest/api/2/myself answers: accountId, no
// usable name (GDPR), the email only when the user lets it show.
func cloudUser(r *rand.Rand, i int) user {
	p := people[r.IntN(len(people))]
	var id string
	if r.IntN(2) == 0 {
		id = fmt.Sprintf("%016x%08x", r.Uint64(), r.Uint32())
	} else {
		id = fmt.Sprintf("557058:%08x-%04x-%04x-%04x-%012x", r.Uint32(), r.IntN(1<<16), r.IntN(1<<16), r.IntN(1<<16), r.Uint64()&(1<<48-1))
	}
	m := []kv{
		{"self", str("https://your-domain.atlassian.net/rest/api/2/user?accountId=" + id)},
		{"accountId", str(id)},
		{"accountType", str([]string{"atlassian", "atlassian", "app"}[r.IntN(3)])},
	}
	if r.IntN(3) == 0 { // some Cloud answers still carry empty legacy fields
		m = append(m, kv{"key", str("")}, kv{"name", str("")})
	}
	m = append(m, email(r, p, i)...)
	initials := strings.ToUpper(p.mail[:2])
	m = append(m, avatars(r, func(size string) string {
		return "https://avatar-management--avatars.server-location.prod.public.atl-paas.net/initials/" + initials + fmt.Sprintf("-%d.png?size=%s", i%7, size)
	})...)
	m = append(m, details(r, p, func(g string) string {
		return "https://your-domain.atlassian.net/rest/api/2/group?groupId=" + fmt.Sprintf("%08x", r.Uint32())
	})...)
	return user{raw: object(m), accountID: id}
}

// email is present (mostly), absent, or null.
func email(r *rand.Rand, p person, i int) []kv {
	switch n := r.IntN(20); {
	case n < 13:
		return []kv{{"emailAddress", str(fmt.Sprintf("%s%d@%s", p.mail, i, mailDomains[r.IntN(len(mailDomains))]))}}
	case n < 19:
		return nil
	default:
		return []kv{{"emailAddress", json.RawMessage("null")}}
	}
}

// avatars: the four sizes (mostly), none, or no 48x48.
func avatars(r *rand.Rand, url func(size string) string) []kv {
	sizes := [][2]string{{"48x48", "large"}, {"24x24", "small"}, {"16x16", "xsmall"}, {"32x32", "medium"}}
	switch n := r.IntN(10); {
	case n < 7:
	case n < 9:
		return nil
	default:
		sizes = sizes[1:]
	}
	var m []kv
	for _, s := range sizes {
		m = append(m, kv{s[0], str(url(s[1]))})
	}
	return []kv{{"avatarUrls", object(m)}}
}

// details: display name, active, time zone, locale, groups.
func details(r *rand.Rand, p person, groupURL func(string) string) []kv {
	var m []kv
	if r.IntN(20) > 0 {
		m = append(m, kv{"displayName", str(p.display)})
	}
	m = append(m, kv{"active", marshal(r.IntN(8) > 0)})
	if r.IntN(5) > 0 {
		m = append(m, kv{"timeZone", str(timeZones[r.IntN(len(timeZones))])}, kv{"locale", str(locales[r.IntN(len(locales))])})
	}
	if r.IntN(10) > 0 {
		n := groupCounts[r.IntN(len(groupCounts))]
		items := make([]json.RawMessage, n)
		for j := range items {
			g := groupNames[(j+r.IntN(3))%len(groupNames)]
			if j >= len(groupNames) {
				g = fmt.Sprintf("%s-%d", g, j)
			}
			items[j] = object([]kv{{"name", str(g)}, {"self", str(groupURL(g))}})
		}
		m = append(m, kv{"groups", object([]kv{{"size", marshal(n)}, {"items", marshal(items)}})})
	}
	m = append(m, kv{"applicationRoles", json.RawMessage(`{"size":1,"items":[]}`)}, kv{"expand", str("groups,applicationRoles")})
	return m
}
