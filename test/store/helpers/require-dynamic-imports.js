// Jest transform for PGlite's CommonJS build: it loads Node built-ins with `await import("fs")`, which Jest's module
// runtime refuses without --experimental-vm-modules. Built-ins load the same through require, so rewrite
// `import("name")` into a resolved require (captured at the top, before any function declares its own `require`).
module.exports = {
  process(source) {
    const code = '"use strict";const __requireForJest = require;' + source.replace(/\bimport\(("[a-z:/_]+")\)/g, 'Promise.resolve(__requireForJest($1))');
    return { code };
  },
};
