// Entries of arrays, sets, maps, promises and buffers: port of Node's
// formatArray, formatSpecialArray, formatSet, formatMap, formatPromise
// (lib/internal/util/inspect.js, v22.x) and Buffer's inspect
// (lib/buffer.js, INSPECT_MAX_BYTES = 50).
function moreItems(remaining) {
  return '... ' + remaining + ' more item' + (remaining > 1 ? 's' : '');
}

function formatArray(ctx, value, recurseTimes) {
  var valLen = value.length;
  var len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
  var output = [];
  var holes = 0;
  var i = 0;
  for (; i < valLen && output.length < len; i++) {
    if (!hasOwn.call(value, i)) { holes++; continue; }
    if (holes > 0) {
      output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
      holes = 0;
      if (output.length >= len) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, i, true));
  }
  if (holes > 0 && output.length < len) {
    output.push('<' + holes + ' empty item' + (holes > 1 ? 's' : '') + '>');
    holes = 0;
  }
  var remaining = valLen - i + holes;
  if (remaining > 0) output.push(moreItems(remaining));
  return output;
}

function formatSet(ctx, value, recurseTimes) {
  var max = Math.min(ctx.maxArrayLength, value.size), remaining = value.size - max;
  var output = [];
  ctx.indentationLvl += 2;
  var i = 0;
  value.forEach(function (v) {
    if (i++ < max) output.push(formatValue(ctx, v, recurseTimes));
  });
  if (remaining > 0) output.push(moreItems(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatMap(ctx, value, recurseTimes) {
  var max = Math.min(ctx.maxArrayLength, value.size), remaining = value.size - max;
  var output = [];
  ctx.indentationLvl += 2;
  var i = 0;
  value.forEach(function (v, k) {
    if (i++ < max) output.push(formatValue(ctx, k, recurseTimes) + ' => ' + formatValue(ctx, v, recurseTimes));
  });
  if (remaining > 0) output.push(moreItems(remaining));
  ctx.indentationLvl -= 2;
  return output;
}

function formatPromise(ctx, value, recurseTimes) {
  var st = host.promise(value);
  if (st[0] === 'pending') return ['<pending>'];
  ctx.indentationLvl += 2;
  var str = formatValue(ctx, st[1], recurseTimes);
  ctx.indentationLvl -= 2;
  return [st[0] === 'rejected' ? '<rejected> ' + str : str];
}

function formatBuffer(value) {
  var max = Math.min(50, value.length), parts = [];
  for (var i = 0; i < max; i++) parts.push((value[i] < 16 ? '0' : '') + value[i].toString(16));
  var rest = value.length - max;
  return '<Buffer' + (parts.length ? ' ' + parts.join(' ') : '') + (rest > 0 ? ' ... ' + rest + ' more byte' + (rest > 1 ? 's' : '') : '') + '>';
}
