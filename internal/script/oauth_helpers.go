package script

import (
	"github.com/dop251/goja"

	"github.com/jira-auth0-bridge/bridge/internal/v8"
)

// oauthHelpersJS are node-oauth 0.10.2's pure helper methods, copied verbatim
// from lib/oauth.js (MIT, Ciaran Jessup) so that a script calling them gets
// exactly Node's results, sort order included, and Node's errors for odd
// arguments: _encodeData (L68-79), _decodeData (L81-86), _getSignature
// (L88-91), _isParameterNameAnOAuthParameter (L109-117),
// _buildAuthorizationHeaders (L120-136), _makeArrayOfArgumentsHash
// (L140-156), _sortRequestParams (L159-170), _normaliseRequestParams
// (L172-194), _createSignatureBase (L193-197). The shim's own signing path
// is Go (oauth_request.go); these are for scripts that call or patch them.
const oauthHelpersJS = `(function(proto) {
proto._encodeData= function(toEncode){
 if( toEncode == null || toEncode == "" ) return ""
 else {
    var result= encodeURIComponent(toEncode);
    return result.replace(/\!/g, "%21")
                 .replace(/\'/g, "%27")
                 .replace(/\(/g, "%28")
                 .replace(/\)/g, "%29")
                 .replace(/\*/g, "%2A");
 }
};
proto._decodeData= function(toDecode) {
  if( toDecode != null ) {
    toDecode = toDecode.replace(/\+/g, " ");
  }
  return decodeURIComponent( toDecode);
};
proto._isParameterNameAnOAuthParameter= function(parameter) {
  var m = parameter.match('^oauth_');
  if( m && ( m[0] === "oauth_" ) ) {
    return true;
  }
  else {
    return false;
  }
};
proto._buildAuthorizationHeaders= function(orderedParameters) {
  var authHeader="OAuth ";
  if( this._isEcho ) {
    authHeader += 'realm="' + this._realm + '",';
  }
  for( var i= 0 ; i < orderedParameters.length; i++) {
     if( this._isParameterNameAnOAuthParameter(orderedParameters[i][0]) ) {
      authHeader+= "" + this._encodeData(orderedParameters[i][0])+"=\""+ this._encodeData(orderedParameters[i][1])+"\""+ this._oauthParameterSeperator;
     }
  }
  authHeader= authHeader.substring(0, authHeader.length-this._oauthParameterSeperator.length);
  return authHeader;
};
proto._createSignatureBase= function(method, url, parameters) {
  url= this._encodeData( this._normalizeUrl(url) );
  parameters= this._encodeData( parameters );
  return method.toUpperCase() + "&" + url + "&" + parameters;
};
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

// oauthHelpersFile names the helpers' frames in stacks, as Node would.
const oauthHelpersFile = "node_modules/oauth/lib/oauth.js"

var (
	oauthHelpersPrg = goja.MustCompile(oauthHelpersFile, oauthHelpersJS, false)
	// oauthHelpersLines gives V8's words for goja's errors thrown inside
	// the helpers ("parameter.match is not a function", internal/v8).
	oauthHelpersLines = v8.NewSource(oauthHelpersJS)
)

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
		base := call.Argument(0)
		if !goja.IsString(base) && prop(this, "_signatureMethod").String() != "PLAINTEXT" {
			// Hmac/Sign update(data) (lib/internal/crypto/hash.js) rejects anything but a string or bytes.
			panic(m.h.nodeError("TypeError", `The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received `+
				describeArg(base), map[string]any{"code": "ERR_INVALID_ARG_TYPE"}))
		}
		return m.h.vm.ToValue(m.sign.createSignature(this, base.String(), call.Argument(1)))
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
	h := authorizationHeader(ordered, prop(this, "_oauthParameterSeperator").String())
	if prop(this, "_isEcho").ToBoolean() {
		h = `OAuth realm="` + prop(this, "_realm").String() + `",` + h[len("OAuth "):]
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
