package script

import (
	"github.com/dop251/goja"
)

// oauthHelpersJS are node-oauth 0.10.2's pure helper methods, copied verbatim
// from lib/oauth.js (MIT, Ciaran Jessup) so that a script calling them gets
// exactly Node's results, sort order included: _getSignature (L88-91),
// _makeArrayOfArgumentsHash (L140-156), _sortRequestParams (L159-170),
// _normaliseRequestParams (L172-194). The shim's own signing path is Go
// (oauth_request.go); these are for scripts that call or patch them.
const oauthHelpersJS = `(function(proto) {
proto._getSignature= function(method, url, parameters, tokenSecret) {
  var signatureBase= this._createSignatureBase(method, url, parameters);
  return this._createSignature( signatureBase, tokenSecret );
};
proto._makeArrayOfArgumentsHash= function(argumentsHash) {
  var argument_pairs= [];
  for(var key in argumentsHash ) {
    if (argumentsHash.hasOwnProperty(key)) {
       var value= argumentsHash[key];
       if( Array.isArray(value) ) {
         for(var i=0;i<value.length;i++) {
           argument_pairs[argument_pairs.length]= [key, value[i]];
         }
       }
       else {
         argument_pairs[argument_pairs.length]= [key, value];
       }
    }
  }
  return argument_pairs;
};
proto._sortRequestParams= function(argument_pairs) {
  argument_pairs.sort(function(a,b) {
      if ( a[0]== b[0] )  {
        return a[1] < b[1] ? -1 : 1;
      }
      else return a[0] < b[0] ? -1 : 1;
  });
  return argument_pairs;
};
proto._normaliseRequestParams= function(args) {
  var argument_pairs= this._makeArrayOfArgumentsHash(args);
  for(var i=0;i<argument_pairs.length;i++) {
    argument_pairs[i][0]= this._encodeData( argument_pairs[i][0] );
    argument_pairs[i][1]= this._encodeData( argument_pairs[i][1] );
  }
  argument_pairs= this._sortRequestParams( argument_pairs );
  var args= "";
  for(var i=0;i<argument_pairs.length;i++) {
      args+= argument_pairs[i][0];
      args+= "="
      args+= argument_pairs[i][1];
      if( i < argument_pairs.length-1 ) args+= "&";
  }
  return args;
};
})`

var oauthHelpersPrg = goja.MustCompile("node_modules/oauth/lib/oauth.js", oauthHelpersJS, false)

// loadOAuthHelpers evaluates the helpers' source once per run, at install,
// before anything can interrupt the runtime.
func (m *oauthModule) loadOAuthHelpers() {
	v, err := m.h.vm.RunProgram(oauthHelpersPrg)
	if err != nil {
		panic(err)
	}
	m.oauthHelpersFn, _ = goja.AssertFunction(v)
}

// oauthHelpers puts the helpers above, _createSignature and _createClient on
// OAuth.prototype.
func (m *oauthModule) oauthHelpers(proto *goja.Object) {
	if _, err := m.oauthHelpersFn(goja.Undefined(), proto); err != nil {
		panic(err) // only an interrupt: the run is ending
	}
	// _createSignature (L199-224): the key is the encoded consumer secret and
	// token secret; RSA-SHA1 signs with _privateKey.
	_ = proto.Set("_createSignature", func(call goja.FunctionCall) goja.Value {
		this := call.This.ToObject(m.h.vm)
		return m.h.vm.ToValue(m.sign.createSignature(this, call.Argument(0).String(), call.Argument(1)))
	})
	// _createClient (L606-621) returns Node's http.ClientRequest, which the
	// sandbox does not have; _performSecureRequest does not go through it.
	_ = proto.Set("_createClient", func(goja.FunctionCall) goja.Value {
		panic(m.h.nodeError("Error", "OAuth.prototype._createClient is not available in the bridge sandbox: it returns "+
			"Node's http.ClientRequest, which the bridge does not emulate (use _performSecureRequest, get or post)", nil))
	})
}

// oauthEchoConstructor is `new OAuthEcho(realm, verify_credentials,
// consumerKey, consumerSecret, version, signatureMethod, nonceSize,
// customHeaders)` (L40-58). Its prototype is OAuth's (L60): requests carry
// the header as X-Verify-Credentials-Authorization, with a realm.
func (m *oauthModule) oauthEchoConstructor(call goja.ConstructorCall) *goja.Object {
	this := call.This
	arg := call.Argument
	set := func(k string, v any) { _ = this.Set(k, v) }
	set("_isEcho", true)
	set("_realm", arg(0))
	set("_verifyCredentials", arg(1))
	set("_consumerKey", arg(2))
	set("_consumerSecret", m.encodeValue(arg(3)))
	if arg(5).Equals(m.h.vm.ToValue("RSA-SHA1")) {
		set("_privateKey", arg(3))
	}
	set("_version", arg(4))
	m.checkSignatureMethod(arg(5))
	set("_signatureMethod", arg(5))
	m.setNonceSizeAndHeaders(this, arg(6), arg(7))
	set("_oauthParameterSeperator", ",")
	return nil
}

// authHeaderOf is _buildAuthorizationHeaders (L120-136) on this: an echo
// object puts its realm first.
func (m *oauthModule) authHeaderOf(this *goja.Object, ordered []param) string {
	h := authorizationHeader(ordered, this.Get("_oauthParameterSeperator").String())
	if this.Get("_isEcho").ToBoolean() {
		h = `OAuth realm="` + this.Get("_realm").String() + `",` + h[len("OAuth "):]
	}
	return h
}

// oauth2Constructor stands for require('oauth').OAuth2 (lib/oauth2.js), which
// the bridge does not emulate: an oauth1 fetchUserProfile has no use for it.
// It exists so that the export shape is Node's and `new OAuth2(…)` fails with
// a reason rather than "not a constructor".
func (m *oauthModule) oauth2Constructor(call goja.ConstructorCall) *goja.Object {
	panic(m.h.nodeError("Error", "require('oauth').OAuth2 is not emulated by the bridge sandbox (only OAuth and OAuthEcho are); "+
		"a script using it cannot be checked here", nil))
}
