function fetchUserProfile(token, tokenSecret, ctx, cb) {
  // A JIRA profile script with a typo on line 59: a doubled comma in the
  // profile object. Node reports it at 59:27, the second comma.
  var OAuth = new require('oauth').OAuth;
  var oauth = new OAuth(
    ctx.requestTokenURL,
    ctx.accessTokenURL,
    ctx.client_id,
    ctx.client_secret,
    '1.0',
    null,
    'RSA-SHA1'
  );
  var url = 'https://jira.example.com/rest/api/2/myself';
  // padding: the real script had its helpers here (line 15)
  // padding: the real script had its helpers here (line 16)
  // padding: the real script had its helpers here (line 17)
  // padding: the real script had its helpers here (line 18)
  // padding: the real script had its helpers here (line 19)
  // padding: the real script had its helpers here (line 20)
  // padding: the real script had its helpers here (line 21)
  // padding: the real script had its helpers here (line 22)
  // padding: the real script had its helpers here (line 23)
  // padding: the real script had its helpers here (line 24)
  // padding: the real script had its helpers here (line 25)
  // padding: the real script had its helpers here (line 26)
  // padding: the real script had its helpers here (line 27)
  // padding: the real script had its helpers here (line 28)
  // padding: the real script had its helpers here (line 29)
  // padding: the real script had its helpers here (line 30)
  // padding: the real script had its helpers here (line 31)
  // padding: the real script had its helpers here (line 32)
  // padding: the real script had its helpers here (line 33)
  // padding: the real script had its helpers here (line 34)
  // padding: the real script had its helpers here (line 35)
  // padding: the real script had its helpers here (line 36)
  // padding: the real script had its helpers here (line 37)
  // padding: the real script had its helpers here (line 38)
  // padding: the real script had its helpers here (line 39)
  // padding: the real script had its helpers here (line 40)
  // padding: the real script had its helpers here (line 41)
  // padding: the real script had its helpers here (line 42)
  // padding: the real script had its helpers here (line 43)
  // padding: the real script had its helpers here (line 44)
  // padding: the real script had its helpers here (line 45)
  // padding: the real script had its helpers here (line 46)
  // padding: the real script had its helpers here (line 47)
  // padding: the real script had its helpers here (line 48)
  // padding: the real script had its helpers here (line 49)
  // padding: the real script had its helpers here (line 50)
  oauth.get(url, token, tokenSecret, function(err, body) {
    if (err) return cb(err);
    var user;
    try { user = JSON.parse(body); } catch (e) { return cb(e); }
    var profile = {
      user_id: user.key,
      name: user.displayName,
      email: user.emailAddress,
      locale: user.locale,,
      nickname: user.name
    };
    cb(null, profile);
  });
}
