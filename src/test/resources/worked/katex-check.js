// Parses every $…$ of the Markdown files given with KaTeX (strict), as wikis and notebooks render
// them; prints each refusal and a last line "N math pieces, K refused". Run by KatexTest.
const katex = require('katex');
const fs = require('fs');
let n = 0;
let bad = 0;
for (const f of process.argv.slice(2)) {
  for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
    const pieces = line.split('$');
    for (let i = 1; i < pieces.length; i += 2) {
      n++;
      try {
        katex.renderToString(pieces[i], {throwOnError: true, strict: 'error'});
      } catch (e) {
        bad++;
        console.log(f + ': ' + e.message + '\n  in: ' + pieces[i]);
      }
    }
  }
}
console.log(n + ' math pieces, ' + bad + ' refused');
