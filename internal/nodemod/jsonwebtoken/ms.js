// Port of ms 2.1.3 parse (https://github.com/vercel/ms/blob/2.1.3/index.js#L50-L103),
// which jsonwebtoken's lib/timespan.js uses for expiresIn, notBefore and maxAge.
var s = 1000, m = s * 60, h = m * 60, d = h * 24, w = d * 7, y = d * 365.25;
return function (str) {
  str = String(str);
  if (str.length > 100) return;
  var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(str);
  if (!match) return;
  var n = parseFloat(match[1]);
  switch ((match[2] || 'ms').toLowerCase()) {
    case 'years': case 'year': case 'yrs': case 'yr': case 'y': return n * y;
    case 'weeks': case 'week': case 'w': return n * w;
    case 'days': case 'day': case 'd': return n * d;
    case 'hours': case 'hour': case 'hrs': case 'hr': case 'h': return n * h;
    case 'minutes': case 'minute': case 'mins': case 'min': case 'm': return n * m;
    case 'seconds': case 'second': case 'secs': case 'sec': case 's': return n * s;
    case 'milliseconds': case 'millisecond': case 'msecs': case 'msec': case 'ms': return n;
  }
};
