'use strict';
// Preloaded with `node -r ./bench/exit-timer.js <app>`: when the app's process exits (cdktf writes the
// synthesized files synchronously, so after they are written), writes to $BENCH_TIMING_FILE the time
// since process start (performance.timeOrigin) and this process's peak RSS. Adds no work before exit.
const { writeFileSync } = require('fs');

const file = process.env.BENCH_TIMING_FILE;
if (file) {
  process.on('exit', (code) => {
    const ms = performance.now();
    writeFileSync(file, JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, code, marks: global.__benchMarks ?? {} }));
  });
}
