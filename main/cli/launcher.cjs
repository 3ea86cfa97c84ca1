#!/usr/bin/env node
'use strict';
// `hocba` as installed by npm: runs the bundled CLI that `npm install` builds (the prepare script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', '..', 'dist', 'cli', 'hocba.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('Chưa build công cụ dòng lệnh. Chạy: npm run build:node\n');
  process.exit(1);
}
require(bundle);
