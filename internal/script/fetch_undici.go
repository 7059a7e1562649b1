package script

import "github.com/dop251/goja"

// fetchJS is the JavaScript half of fetch (fetch_global.go): Headers,
// Response, AbortController, AbortSignal and fetch itself, after undici
// (lib/web/fetch: headers.js, response.js, index.js) and Node's
// lib/internal/abort_controller.js. Redirects are followed (at most 20;
// 301/302 after POST and 303 turn into a GET without a body), redirect:
// 'manual' returns the 3xx and 'error' fails.
const fetchJS = `(function(send, node18, abortError) {
  var NAME = /^[!#$%&'*+\-.^_` + "`" + `|~0-9A-Za-z]+$/;
  function normValue(v) { return String(v).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''); }
  function checkName(n) { if (!NAME.test(n)) throw new TypeError('Headers.append: "' + n + '" is an invalid header name.'); }
  function checkValue(n, v) {
    if (/[\0\r\n]/.test(v) || /[^\x00-\xff]/.test(v)) throw new TypeError('Headers.append: "' + v + '" is an invalid header value.');
  }
  class Headers {
    #list = [];
    constructor(init) {
      if (init == null) return;
      if (init instanceof Headers) { this.#list = init.#list.map(p => [p[0], p[1]]); return; }
      if (typeof init !== 'object') throw new TypeError("Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.");
      if (typeof init[Symbol.iterator] === 'function') {
        for (const pair of init) {
          const p = Array.from(pair);
          if (p.length !== 2) throw new TypeError('Headers constructor: expected name/value pair to be length 2, found ' + p.length + '.');
          this.append(p[0], p[1]);
        }
        return;
      }
      for (const k of Object.keys(init)) this.append(k, init[k]);
    }
    append(name, value) {
      name = String(name); value = normValue(value); checkName(name); checkValue(name, value);
      const i = this.#find(name);
      if (i >= 0 && name.toLowerCase() !== 'set-cookie') this.#list[i][1] += ', ' + value;
      else this.#list.push([name, value]);
    }
    set(name, value) {
      name = String(name); value = normValue(value); checkName(name); checkValue(name, value);
      const i = this.#find(name);
      this.#list = this.#list.filter((p, j) => j === i || p[0].toLowerCase() !== name.toLowerCase());
      if (i >= 0) this.#list[this.#find(name)][1] = value; else this.#list.push([name, value]);
    }
    get(name) {
      const l = String(name).toLowerCase();
      const vs = this.#list.filter(p => p[0].toLowerCase() === l).map(p => p[1]);
      return vs.length ? vs.join(', ') : null;
    }
    getSetCookie() { return this.#list.filter(p => p[0].toLowerCase() === 'set-cookie').map(p => p[1]); }
    has(name) { return this.#find(String(name)) >= 0; }
    delete(name) { const l = String(name).toLowerCase(); this.#list = this.#list.filter(p => p[0].toLowerCase() !== l); }
    #find(name) { const l = name.toLowerCase(); return this.#list.findIndex(p => p[0].toLowerCase() === l); }
    #sorted() {
      const names = [...new Set(this.#list.map(p => p[0].toLowerCase()))].sort();
      const out = [];
      for (const n of names) {
        if (n === 'set-cookie') this.getSetCookie().forEach(v => out.push([n, v]));
        else out.push([n, this.get(n)]);
      }
      return out;
    }
    forEach(fn, thisArg) { for (const [k, v] of this.#sorted()) fn.call(thisArg, v, k, this); }
    entries() { return this.#sorted()[Symbol.iterator](); }
    keys() { return this.#sorted().map(p => p[0])[Symbol.iterator](); }
    values() { return this.#sorted().map(p => p[1])[Symbol.iterator](); }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return 'Headers'; }
    static _raw(h) { return h.#list.map(p => [p[0], p[1]]); }
  }

  function bodyBytes(body, headers) {
    if (body == null) return null;
    if (typeof body === 'string') {
      if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
      return new TextEncoder().encode(body);
    }
    if (body instanceof URLSearchParams) {
      if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
      return new TextEncoder().encode(body.toString());
    }
    if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
    if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
    return bodyBytes(String(body), headers);
  }

  class Response {
    #body; #used = false; #status; #statusText; #headers; #url; #redirected;
    constructor(body, init) {
      init = init == null ? {} : init;
      const status = init.status === undefined ? 200 : Number(init.status);
      if (!(status >= 200 && status <= 599) || Math.floor(status) !== status) throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
      this.#status = status;
      this.#statusText = init.statusText === undefined ? '' : String(init.statusText);
      this.#headers = new Headers(init.headers);
      this.#body = bodyBytes(body === undefined ? null : body, this.#headers);
      this.#url = ''; this.#redirected = false;
    }
    static _make(status, statusText, raw, buf, url, redirected) {
      const r = new Response(null);
      r.#status = status; r.#statusText = statusText; r.#url = url; r.#redirected = redirected;
      r.#body = new Uint8Array(buf);
      for (let i = 0; i + 1 < raw.length; i += 2) r.#headers.append(raw[i], raw[i + 1]);
      return r;
    }
    static json(data, init) {
      const h = new Headers(init && init.headers);
      if (!h.has('content-type')) h.set('content-type', 'application/json');
      return new Response(JSON.stringify(data), Object.assign({}, init, {headers: h}));
    }
    get status() { return this.#status; }
    get statusText() { return this.#statusText; }
    get ok() { return this.#status >= 200 && this.#status <= 299; }
    get headers() { return this.#headers; }
    get url() { return this.#url; }
    get redirected() { return this.#redirected; }
    get type() { return this.#url ? 'basic' : 'default'; }
    get body() { return this.#body === null ? null : {}; }
    get bodyUsed() { return this.#used; }
    #consume() {
      if (this.#used) return Promise.reject(new TypeError(node18 ? 'Body is unusable' : 'Body is unusable: Body has already been read'));
      this.#used = true;
      return Promise.resolve(this.#body === null ? new Uint8Array(0) : this.#body);
    }
    arrayBuffer() { return this.#consume().then(b => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)); }
    text() { return this.#consume().then(b => new TextDecoder().decode(b)); }
    json() { return this.text().then(t => JSON.parse(t)); }
    clone() {
      if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
      const r = Response._make(this.#status, this.#statusText, [], this.#body === null ? new ArrayBuffer(0) : this.#body.slice().buffer, this.#url, this.#redirected);
      r.#headers = new Headers(this.#headers);
      return r;
    }
    get [Symbol.toStringTag]() { return 'Response'; }
  }

  class AbortSignal {
    #aborted = false; #reason = undefined; #listeners = []; #onabort = null; #onabortSlot = null;
    constructor(key) { if (key !== AbortSignal._key) throw new TypeError('Illegal constructor'); }
    // an event handler attribute takes its place among the listeners when first set (HTML "event handlers")
    get onabort() { return this.#onabort; }
    set onabort(fn) {
      this.#onabort = typeof fn === 'function' ? fn : null;
      if (this.#onabortSlot === null) {
        const self = this;
        this.#onabortSlot = function(ev) { if (self.#onabort) self.#onabort.call(self, ev); };
        this.#listeners.push(this.#onabortSlot);
      }
    }
    get aborted() { return this.#aborted; }
    get reason() { return this.#reason; }
    throwIfAborted() { if (this.#aborted) throw this.#reason; }
    addEventListener(type, fn) { if (type === 'abort' && typeof fn === 'function') this.#listeners.push(fn); }
    removeEventListener(type, fn) { this.#listeners = this.#listeners.filter(f => f !== fn); }
    static _abort(s, reason) {
      if (s.#aborted) return;
      s.#aborted = true;
      s.#reason = reason === undefined ? abortError() : reason;
      const ev = {type: 'abort', target: s};
      for (const fn of s.#listeners.slice()) fn.call(s, ev);
    }
    static abort(reason) { const s = new AbortSignal(AbortSignal._key); AbortSignal._abort(s, reason); return s; }
    get [Symbol.toStringTag]() { return 'AbortSignal'; }
  }
  AbortSignal._key = {};
  class AbortController {
    #signal = new AbortSignal(AbortSignal._key);
    get signal() { return this.#signal; }
    abort(reason) { AbortSignal._abort(this.#signal, reason); }
    get [Symbol.toStringTag]() { return 'AbortController'; }
  }

  // Fetch's "bad port" list (fetch.spec.whatwg.org, undici lib/web/fetch/constants.js).
  const BAD_PORTS = [1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
    109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531,
    532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
    6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080];
  const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH'];
  function fetch(input, init) {
    return new Promise(function(resolve, reject) {
      init = init == null ? {} : init;
      let url;
      const href = input instanceof URL ? input.href : input != null && typeof input === 'object' && 'url' in input ? String(input.url) : String(input);
      try { url = new URL(href); } catch (e) { throw new TypeError('Failed to parse URL from ' + href, {cause: e}); }
      let method = init.method === undefined ? 'GET' : String(init.method);
      if (METHODS.indexOf(method.toUpperCase()) >= 0) method = method.toUpperCase();
      const headers = new Headers(init.headers);
      if (node18 && init.headers instanceof Headers) {
        // Node 18's undici sends a Headers object's names lower-cased (a plain object's keep their case)
        Headers._raw(headers).forEach(p => { headers.delete(p[0]); headers.append(p[0].toLowerCase(), p[1]); });
      }
      if ((method === 'GET' || method === 'HEAD') && init.body != null) throw new TypeError('Request with GET/HEAD method cannot have body.');
      let body = bodyBytes(init.body, headers);
      const signal = init.signal || null;
      if (signal && signal.aborted) { reject(signal.reason); return; }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('fetch failed', {cause: new Error('unknown scheme')});
      if (BAD_PORTS.indexOf(Number(url.port)) >= 0) throw new TypeError('fetch failed', {cause: new Error('bad port')});
      const mode = init.redirect === undefined ? 'follow' : String(init.redirect);
      let done = false, redirected = false, hops = 0;
      if (signal) signal.addEventListener('abort', function() { if (!done) { done = true; reject(signal.reason); } });
      function go(u) {
        const list = [['host', u.host], ['connection', 'keep-alive']].concat(Headers._raw(headers));
        const add = (n, v) => { if (!headers.has(n)) list.push([n, v]); };
        add('accept', '*/*'); add('accept-language', '*'); add('sec-fetch-mode', 'cors'); add('user-agent', 'node');
        add('accept-encoding', 'gzip, deflate');
        if (body !== null) list.push(['content-length', String(body.byteLength)]);
        else if (method === 'POST' || method === 'PUT') list.push(['content-length', '0']);
        send(method, u.href, list, body === null ? null : body, function(err, status, statusText, raw, buf) {
          if (done) return;
          if (err) { done = true; reject(new TypeError('fetch failed', {cause: err})); return; }
          let loc = null;
          for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i].toLowerCase() === 'location') { loc = raw[i + 1]; break; }
          if ([301, 302, 303, 307, 308].indexOf(status) >= 0 && loc !== null && mode !== 'manual') {
            if (mode === 'error') { done = true; reject(new TypeError('fetch failed', {cause: new Error('unexpected redirect')})); return; }
            if (++hops > 20) { done = true; reject(new TypeError('fetch failed', {cause: new Error('redirect count exceeded')})); return; }
            let next;
            try { next = new URL(loc, u.href); } catch (e) { done = true; reject(new TypeError('fetch failed', {cause: e})); return; }
            if (((status === 301 || status === 302) && method === 'POST') || (status === 303 && method !== 'GET' && method !== 'HEAD')) {
              method = 'GET'; body = null;
              ['content-encoding', 'content-language', 'content-location', 'content-type', 'content-length'].forEach(n => headers.delete(n));
            }
            if (next.origin !== u.origin) headers.delete('authorization');
            redirected = true;
            go(next);
            return;
          }
          done = true;
          resolve(Response._make(status, statusText, raw, buf, u.href, redirected));
        });
      }
      go(url);
    });
  }
  return {fetch: fetch, Headers: Headers, Response: Response, AbortController: AbortController, AbortSignal: AbortSignal};
})`

var fetchPrg = goja.MustCompile("node:internal/deps/undici", fetchJS, false)
