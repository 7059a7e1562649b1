function(token, tokenSecret, ctx, cb) {
  // The Auth0 JIRA guide's fetchUserProfile, with its bugs fixed and Jira Cloud support.
  // Based on passport-atlassian-oauth:
  // https://github.com/tjsail33/passport-atlassian-oauth/blob/a2e444b0c3969dfd7caf4524ce4a4c379656ba2e/lib/passport-atlassian-oauth/strategy.js
  //
  // user_id is JIRA's `name` on Server/DC, exactly as in the guide's script, so users who
  // already log in through that script keep their Auth0 identity. JIRA's `key` survives
  // renames and is the stable alternative for a new connection. On Jira Cloud, where
  // `name` no longer exists, user_id is the `accountId`.
  var jiraUrl = 'JIRA_URL';
  var OAuth = new require('oauth').OAuth;
  var oauth = new OAuth(ctx.requestTokenURL, ctx.accessTokenURL, ctx.client_id, ctx.client_secret, '1.0', null, 'RSA-SHA1');

  // getJSON calls JIRA and hands back the parsed body, or an Error that says which
  // call failed and why. node-oauth reports every status but 2xx as a plain
  // {statusCode, data} object, so that is turned into an Error that keeps both.
  function getJSON(path, next) {
    var url = jiraUrl + path;
    oauth._performSecureRequest(token, tokenSecret, 'GET', url, null, '', 'application/json', function(err, body, res) {
      if (err) {
        var e = new Error('JIRA ' + path + ' failed: ' + (err.statusCode ? 'HTTP ' + err.statusCode + ' ' + snippet(err.data) : (err.message || String(err))));
        e.statusCode = err.statusCode;
        e.code = err.code;
        return next(e);
      }
      if (res.statusCode !== 200) {
        return next(new Error('JIRA ' + path + ' answered HTTP ' + res.statusCode + ' where 200 was expected'));
      }
      var json;
      try {
        json = JSON.parse(body);
      } catch (ex) {
        return next(new Error('JIRA ' + path + ' returned invalid JSON (' + ex.message + '): ' + snippet(body)));
      }
      if (json === null || typeof json !== 'object') {
        return next(new Error('JIRA ' + path + ' returned ' + snippet(body) + ' where a JSON object was expected'));
      }
      next(null, json);
    });
  }

  function snippet(text) {
    text = String(text === undefined ? '' : text).replace(/\s+/g, ' ');
    return text.length > 200 ? text.slice(0, 200) + '…' : text;
  }

  function toProfile(user, userId) {
    var avatars = user.avatarUrls || {};
    return {
      user_id: userId,
      username: user.name || undefined,
      email: user.emailAddress,
      name: user.displayName,
      groups: user.groups,
      picture: avatars['48x48'],
      active: user.active,
      self: user.self,
      timezone: user.timeZone,
      locale: user.locale
    };
  }

  getJSON('/rest/auth/1/session', function(err, session) {
    if (err) return cb(err);
    if (typeof session.name === 'string' && session.name !== '') {
      // Server/DC: look the user up by name, as the guide does.
      return getJSON('/rest/api/2/user?expand=groups&username=' + encodeURIComponent(session.name), function(err, user) {
        if (err) return cb(err);
        cb(null, toProfile(user, user.name));
      });
    }
    // Jira Cloud: no usernames since the 2019 privacy changes; ask who we are instead.
    getJSON('/rest/api/2/myself?expand=groups', function(err, user) {
      if (err) return cb(err);
      if (!user.accountId) return cb(new Error('JIRA /rest/api/2/myself returned neither a name nor an accountId'));
      cb(null, toProfile(user, user.accountId));
    });
  });
}
