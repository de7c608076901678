'use strict'
// The README's first example works when pasted: its server answers the documented request with
// the documented statement, and a number as money with a 422 and the core's code.

const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { spawn } = require('node:child_process')

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8')
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }))

test('the README server answers with the documented statement', async () => {
  const server = blocks.find((b) => b.lang === 'js').text
  const expected = JSON.parse(blocks.find((b) => b.lang === 'json').text)
  const request = blocks.find((b) => b.lang === 'sh' && b.text.includes('curl')).text.match(/-d '([^']+)'/)[1]

  // Pasted into a project whose node_modules has the package (a link to this directory).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arrears-readme-'))
  fs.mkdirSync(path.join(dir, 'node_modules'))
  fs.symlinkSync(path.resolve(__dirname, '..'), path.join(dir, 'node_modules', 'arrears'), 'dir')
  fs.writeFileSync(path.join(dir, 'server.js'), server)
  const port = String(20000 + Math.floor(Math.random() * 20000))
  const child = spawn(process.execPath, ['server.js'], { cwd: dir, env: { ...process.env, PORT: port }, stdio: 'inherit' })
  try {
    const post = async (body) => {
      for (let i = 0; ; i++) {
        try {
          return await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body })
        } catch (e) {
          if (i > 100) throw e
          await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
    }
    const ok = await post(request)
    assert.equal(ok.status, 200)
    assert.deepEqual(await ok.json(), expected)
    const refused = await post(JSON.stringify({ ...JSON.parse(request), amount: 1000 }))
    assert.equal(refused.status, 422)
    assert.equal((await refused.json()).error.code, 'money.invalid_amount')
  } finally {
    child.kill()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
