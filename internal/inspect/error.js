// Errors: port of Node's formatError, removeDuplicateErrorKeys,
// improveStack (lib/internal/util/inspect.js, v22.x). goja writes stack
// frames as "\n\tat "; they are turned into V8's "\n    at " first.
function getStackString(err) {
  var stack = err.stack;
  if (stack) return String(stack).replace(/\n\tat /g, '\n    at ').replace(/\n$/, '');
  return Error.prototype.toString.call(err);
}

function removeDuplicateErrorKeys(keys, err, stack) {
  ['name', 'message', 'stack'].forEach(function (name) {
    var index = keys.indexOf(name);
    if (index !== -1 && (typeof err[name] !== 'string' || stack.indexOf(err[name]) !== -1)) keys.splice(index, 1);
  });
}

function improveStack(stack, constructor, name, tag) {
  var len = name.length;
  if (constructor === null ||
      (name.slice(-5) === 'Error' && stack.slice(0, len) === name &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    var fallback = 'Error';
    if (constructor === null) {
      var start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    var prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (name !== prefix) {
      if (prefix.indexOf(name) !== -1) {
        stack = len === 0 ? prefix + ': ' + stack : prefix + stack.slice(len);
      } else {
        stack = prefix + ' [' + name + ']' + stack.slice(len);
      }
    }
  }
  return stack;
}

function formatError(err, constructor, tag, ctx, keys) {
  var name = err.name != null ? String(err.name) : 'Error';
  var stack = getStackString(err);
  if (!ctx.showHidden) removeDuplicateErrorKeys(keys, err, stack);
  if ('cause' in err && keys.indexOf('cause') === -1) keys.push('cause');
  if (Array.isArray(err.errors) && keys.indexOf('errors') === -1) keys.push('errors');
  stack = improveStack(stack, constructor, name, tag);
  var pos = (err.message && stack.indexOf(err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  var stackStart = stack.indexOf('\n    at', pos);
  if (stackStart === -1) stack = '[' + stack + ']';
  if (ctx.indentationLvl !== 0) {
    stack = stack.split('\n').join('\n' + ' '.repeat(ctx.indentationLvl));
  }
  return stack;
}
