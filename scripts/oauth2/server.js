function(accessToken, ctx, cb) {
  // fetchUserProfile for an Auth0 custom social connection of strategy oauth2 against
  // Jira Data Center's OAuth 2.0 provider (an incoming link; docs/jira.md "OAuth 2.0").
  // The connection's scope must include READ, which "also view[s] your user profile".
  //
  // user_id is Jira's `name`, as the shipped OAuth 1.0a script's is, so the id part of
  // each Auth0 identity stays the same across the move (its prefix does not: see
  // docs/migration.md). Jira's `key` survives user renames and is the stable choice
  // for a connection with no OAuth 1.0a past: use `user.key` below instead.
  var request = require('request');
  var jiraUrl = 'JIRA_URL';
  var path = '/rest/api/2/myself?expand=groups';

  function snippet(text) {
    text = String(text === undefined ? '' : text).replace(/\s+/g, ' ');
    return text.length > 200 ? text.slice(0, 200) + '…' : text;
  }

  request.get({
    url: jiraUrl + path,
    headers: { Authorization: 'Bearer ' + accessToken, Accept: 'application/json' }
  }, function(err, res, body) {
    if (err) {
      // No answer at all: keep the cause (its code says ECONNREFUSED, ETIMEDOUT, …).
      var e = new Error('Jira ' + path + ' failed: ' + (err.message || String(err)));
      e.cause = err;
      e.code = err.code;
      return cb(e);
    }
    if (res.statusCode !== 200) {
      // 401 (bad or expired token) and 403 (a token without READ) carry the reason in
      // WWW-Authenticate (RFC 6750 §3).
      var why = res.headers['www-authenticate'];
      var he = new Error('Jira ' + path + ' answered HTTP ' + res.statusCode + (why ? ' (' + why + ')' : '') + ': ' + snippet(body));
      he.statusCode = res.statusCode;
      return cb(he);
    }
    var user;
    try {
      user = JSON.parse(body);
    } catch (ex) {
      return cb(new Error('Jira ' + path + ' returned invalid JSON (' + ex.message + '): ' + snippet(body)));
    }
    if (user === null || typeof user !== 'object') {
      return cb(new Error('Jira ' + path + ' returned ' + snippet(body) + ' where a JSON object was expected'));
    }
    if (typeof user.name !== 'string' || user.name === '') {
      return cb(new Error('Jira ' + path + ' returned a user without a name: is JIRA_URL a Jira Data Center?'));
    }
    var avatars = user.avatarUrls || {};
    cb(null, {
      user_id: user.name,
      username: user.name,
      email: user.emailAddress,
      name: user.displayName,
      groups: user.groups,
      picture: avatars['48x48'],
      active: user.active,
      self: user.self,
      timezone: user.timeZone,
      locale: user.locale
    });
  });
}
