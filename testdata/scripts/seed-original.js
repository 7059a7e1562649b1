function(token, tokenSecret, ctx, cb) {
  // Based on passport-atlassian-oauth
  // https://github.com/tjsail33/passport-atlassian-oauth/blob/a2e444b0c3969dfd7caf4524ce4a4c379656ba2e/lib/passport-atlassian-oauth/strategy.js
  var jiraUrl = 'JIRA_URL';
  var OAuth = new require('oauth').OAuth;
  var oauth = new OAuth(ctx.requestTokenURL, ctx.accessTokenURL, ctx.client_id, ctx.client_secret, '1.0', null, 'RSA-SHA1');
  function oauthRequest(url, cb) {
    return oauth._performSecureRequest(token, tokenSecret, 'GET', url, null, '', 'application/json', cb);
  }
  oauthRequest(jiraUrl + '/rest/auth/1/session', function(err, body, res) {
    if (err) return cb(err);
    if (res.statusCode !== 200) return cb(new Error('StatusCode: ' + r.statusCode));
    var json;
    try {
      json = JSON.parse(body);
    } catch(ex) {
      return cb(new Error('Invalid JSON returned from JIRA', ex));
    }
    var profileUrl = jiraUrl + '/rest/api/2/user?expand=groups&username=' + encodeURIComponent(json.name);
    oauthRequest(profileUrl, function(err, body, res) {
      if (err) return cb(err);
      if (res.statusCode !== 200) return cb(new Error('StatusCode: ' + r.statusCode));
      try {
        json = JSON.parse(body);
      } catch(ex) {
        return cb(new Error('Invalid JSON returned from JIRA', ex));
      }
      // Auth0-specific mappings, customize as n:qeeded
      // https:///user-profile/normalized
      return cb(null, {
        user_id: json.name,
        username: json.name,
        email: json.emailAddress,
        name: json.displayName,
        groups: json.groups,
        picture: json.avatarUrls['48x48'],
        active: json.active,
        self: json.self,
        timezone: json.timeZone,
        locale: json.locale
      });
    });
  });
}
