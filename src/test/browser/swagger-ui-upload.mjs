// Real-browser check that an upload works from Swagger UI's "Try it out" with the file picker.
// Not part of `./mvnw verify` (it needs Chromium and Node); run by hand against a running service:
//   apt-get install -y chromium && npm install playwright-core
//   node src/test/browser/swagger-ui-upload.mjs http://localhost:8080 src/test/resources/fashion-mnist/test-00000.png shot.png
import { chromium } from 'playwright-core';

const [base = 'http://localhost:8080', image, screenshot = 'swagger-ui-upload.png'] = process.argv.slice(2);
if (!/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(base)) throw new Error('loopback only');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
  await page.goto(`${base}/swagger-ui.html`);
  const operation = page.locator('#operations-Classification-classifyMultipart');
  await operation.locator('.opblock-summary').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  await operation.locator('input[type=file]').first().setInputFiles(image);
  await operation.getByRole('button', { name: 'Execute' }).click();
  const status = operation.locator('.live-responses-table tbody .response-col_status').first();
  await status.waitFor({ timeout: 30000 });
  const code = (await status.innerText()).trim();
  const body = await operation.locator('.live-responses-table .microlight').first().innerText();
  await operation.screenshot({ path: screenshot });
  console.log(`status ${code}`);
  console.log(body.slice(0, 400));
  if (code !== '200' || !body.includes('"label"')) process.exit(1);
} finally {
  await browser.close();
}
