function(accessToken, ctx, cb) {
  // fetchUserProfile for an Auth0 custom social connection of strategy oauth2 against
  // Atlassian Cloud's OAuth 2.0 (3LO) (docs/jira.md "OAuth 2.0"). The connection's
  // scope must include read:me; its authParams must carry audience=api.atlassian.com
  // and prompt=consent.
  //
  // user_id is the Atlassian account_id: the only stable id Atlassian Cloud gives, the
  // same one Jira Cloud calls accountId (so it equals the shipped OAuth 1.0a script's
  // user_id for Cloud users). /me says nothing about email verification, so
  // email_verified is left out rather than guessed.
  var request = require('request');
  var url = 'https://api.atlassian.com/me';

  function snippet(text) {
    text = String(text === undefined ? '' : text).replace(/\s+/g, ' ');
    return text.length > 200 ? text.slice(0, 200) + '…' : text;
  }

  request.get({
    url: url,
    headers: { Authorization: 'Bearer ' + accessToken, Accept: 'application/json' }
  }, function(err, res, body) {
    if (err) {
      var e = new Error('Atlassian ' + url + ' failed: ' + (err.message || String(err)));
      e.cause = err;
      e.code = err.code;
      return cb(e);
    }
    if (res.statusCode !== 200) {
      // 401 "Unauthorized; scope does not match" means the token lacks read:me.
      var why = res.headers['www-authenticate'];
      var he = new Error('Atlassian ' + url + ' answered HTTP ' + res.statusCode + (why ? ' (' + why + ')' : '') + ': ' + snippet(body));
      he.statusCode = res.statusCode;
      return cb(he);
    }
    var me;
    try {
      me = JSON.parse(body);
    } catch (ex) {
      return cb(new Error('Atlassian ' + url + ' returned invalid JSON (' + ex.message + '): ' + snippet(body)));
    }
    if (me === null || typeof me !== 'object' || typeof me.account_id !== 'string' || me.account_id === '') {
      return cb(new Error('Atlassian ' + url + ' returned no account_id: ' + snippet(body)));
    }
    cb(null, {
      user_id: me.account_id,
      email: me.email,
      name: me.name,
      nickname: me.nickname,
      picture: me.picture,
      locale: me.locale,
      zoneinfo: me.zoneinfo,
      account_status: me.account_status,
      account_type: me.account_type,
      extended_profile: me.extended_profile
    });
  });
}
