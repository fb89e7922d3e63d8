// Viewer speed in the browser host, measured in the real app in headless chromium (SwiftShader WebGL2).
// Usage: npm run bench:viewer -- [--runs 5] [--slices 60] [--data DIR]
// 1. Opening a plan: performance marks 'plan-open' (the review screen mounts, right after the click in the
//    worklist) → 'first-slice-with-dose' (the axial view's first render with CT and the dose colourwash).
//    "cold" = the plan's first opening since the host started (the host reads its DICOM files), "warm" = reopened.
//    Target: < 1.5 s.
// 2. Scrolling: N wheel steps on the axial view, each waited until the frame the user sees is drawn and the browser
//    has presented a frame (requestAnimationFrame); frames/s = N / elapsed. Target: ≥ 30 frames/s. While scrolling,
//    the viewer paints each slice itself (OrthoViewer's fast path: the CT plane sampled like cornerstone's shader,
//    then the dose overlay) and fires 'rtqa-fast-frame'; cornerstone renders the slice once scrolling pauses. Also
//    printed: the time from the last step until cornerstone's own frame is on screen ("exact after", includes the
//    viewer's pause), and how far the last fast frame's pixels are from cornerstone's frame of the same slice (grey
//    levels, 0–255; tests/e2e checks the tolerance). Scrolling is measured once the screen has finished loading (the
//    3D view has built its surfaces: without a GPU each 3D render is rasterised on the CPU too, and scrolling during
//    the first seconds after an opening shares the CPU with it).
// Machine: a hospital desktop without a GPU (VDI, thin client), as Chrome runs there by default: the page composited
// in software and only WebGL rasterised by SwiftShader. --use-angle=swiftshader --enable-unsafe-swiftshader give
// headless chromium its WebGL2 (the unsafe flag because chromium no longer falls back to SwiftShader by itself);
// --disable-gpu-compositing keeps the compositor in software as on such a desktop, because headless chromium would
// otherwise composite the whole page through SwiftShader too. We do not pass --ignore-gpu-blocklist: it forces that
// GPU compositing on the software GPU, which no real desktop does (and it measured ~1.5 frames/s for any viewer).
// Prints per-run values and medians. The data folder (demo trial, database) is kept between runs of the script.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Math.max(5, Number(arg('runs', 5)));
const slices = Number(arg('slices', 60));
const dataDir = arg('data', join(root, 'build', 'bench', 'viewer-data'));
const chromiumArgs = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu-compositing', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];

const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
mkdirSync(dataDir, { recursive: true });

function startHost() {
  const child = spawn(process.execPath, [join(root, 'build/cli/rtqa.mjs'), 'serve', '--port', '0', '--data', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('exit', (code) => reject(new Error(`rtqa serve exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (m) { child.removeAllListeners('exit'); resolve({ url: m[1], child }); }
    });
  });
}

async function api(url, name, input) {
  const u = new URL(url);
  const response = await fetch(new URL(`/api/${name}`, u), {
    method: 'POST', headers: { 'content-type': 'application/json', 'x-rtqa-token': u.searchParams.get('token') }, body: JSON.stringify(input),
  });
  const result = await response.json();
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data;
}

const median = (values) => { const s = [...values].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };

const { url, child } = await startHost();
const browser = await chromium.launch({ executablePath: process.env.RTQA_CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
try {
  console.error('bench:viewer: making sure the demo trial exists (generated on first use)…');
  await api(url, 'ensureDemoTrial', {});
  const worklist = await api(url, 'getWorklist', {});
  const planIds = worklist.trials.flatMap((t) => t.centres.flatMap((c) => c.plans.map((p) => p.planId)));
  if (planIds.length === 0) throw new Error('the demo trial has no plans');
  const chosen = planIds.slice(0, runs);
  while (chosen.length < runs) chosen.push(planIds[chosen.length % planIds.length]);

  const page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.getByTestId('worklist-table').waitFor({ timeout: 300_000 });

  async function openPlan(planId) {
    await page.evaluate(() => { window.location.hash = '#/'; });
    await page.getByTestId('worklist-table').waitFor();
    await page.evaluate(() => performance.clearMarks());
    await page.locator(`[data-testid=worklist-row][data-plan-id="${planId}"]`).first().click();
    try {
      await page.waitForFunction(() => performance.getEntriesByName('first-slice-with-dose').length > 0, null, { timeout: 120_000 });
    } catch (error) {
      const shot = join(root, 'build', 'bench', 'viewer-timeout.png');
      await page.screenshot({ path: shot, timeout: 60_000 }).catch(() => undefined);
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      throw new Error(`plan ${planId}: no first slice within 120 s (marks: ${marks.join(', ')}; screenshot ${shot})`, { cause: error });
    }
    return page.evaluate(() => performance.getEntriesByName('first-slice-with-dose')[0].startTime - performance.getEntriesByName('plan-open')[0].startTime);
  }

  /** ms until the review screen has finished loading: the 3D view has built all its surfaces (data-pending 0) */
  async function settleScreen() {
    const start = Date.now();
    await page.getByTestId('view-3d').waitFor({ timeout: 120_000 });
    // the view mounts with pending 0 and sets its count in an effect: let that run first
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.locator('[data-testid=view-3d][data-pending="0"]').waitFor({ timeout: 120_000 });
    return Date.now() - start;
  }

  async function scrollFps() {
    return page.evaluate(async (n) => {
      const element = document.querySelector('[data-testid=view-axial]');
      const fastFrame = () => new Promise((resolve, reject) => {
        element.addEventListener('rtqa-fast-frame', resolve, { once: true });
        setTimeout(() => reject(new Error('no rtqa-fast-frame within 2 s of a wheel step')), 2000);
      });
      const exactFrame = () => new Promise((resolve) => { element.addEventListener('CORNERSTONE_IMAGE_RENDERED', resolve, { once: true }); setTimeout(resolve, 10_000); });
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const box = element.getBoundingClientRect();
      const wheel = (deltaY) => element.dispatchEvent(new WheelEvent('wheel', { deltaY, bubbles: true, cancelable: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 }));
      // go half the way down first so the N steps stay inside the volume, and let cornerstone settle there
      for (let i = 0; i < n / 2; i++) { const r = fastFrame(); wheel(-1); await r; }
      await exactFrame();
      await frame();
      const start = performance.now();
      for (let i = 0; i < n; i++) { const r = fastFrame(); wheel(1); await r; await frame(); }
      const end = performance.now();
      await exactFrame();
      await frame();
      const exactMs = performance.now() - end;
      // the last fast frame (still on its hidden canvas) against cornerstone's frame of the same slice
      const fast = document.querySelector('[data-testid=view-fast-axial]');
      const exact = element.querySelector('canvas.cornerstone-canvas');
      const a = fast.getContext('2d').getImageData(0, 0, fast.width, fast.height).data;
      const b = exact.getContext('2d').getImageData(0, 0, exact.width, exact.height).data;
      const counts = new Array(256).fill(0);
      for (let p = 0; p < a.length; p += 4) counts[Math.max(Math.abs(a[p] - b[p]), Math.abs(a[p + 1] - b[p + 1]), Math.abs(a[p + 2] - b[p + 2]))] += 1;
      const pixels = a.length / 4;
      let seen = 0; let p999 = 0;
      while (p999 < 255 && (seen += counts[p999]) < 0.999 * pixels) p999 += 1;
      let max = 255; while (max > 0 && counts[max] === 0) max -= 1;
      return { fps: (n * 1000) / (end - start), exactMs, identical: counts[0] / pixels, p999, max };
    }, slices);
  }

  const cold = []; const warm = []; const fps = []; const exactAfter = [];
  for (const [run, planId] of chosen.entries()) {
    const coldMs = await openPlan(planId);
    const warmMs = await openPlan(planId);
    const loadedMs = await settleScreen();
    const scroll = await scrollFps();
    cold.push(coldMs); warm.push(warmMs); fps.push(scroll.fps); exactAfter.push(scroll.exactMs);
    console.log(`run ${run + 1}: plan ${planId}  open cold ${coldMs.toFixed(0)} ms  warm ${warmMs.toFixed(0)} ms  3D surfaces done ${loadedMs} ms later  scroll ${scroll.fps.toFixed(1)} frames/s over ${slices} slices`
      + `  exact after ${scroll.exactMs.toFixed(0)} ms  fast vs cornerstone: ${(100 * scroll.identical).toFixed(2)} % pixels identical, 99.9th percentile ${scroll.p999}, max ${scroll.max} grey levels`);
  }
  console.log('');
  // the machine is shared: say how busy it was, so numbers from different runs can be compared
  console.log(`machine: ${cpus().length} cores, load average (1 min) ${loadavg()[0].toFixed(1)}; WebGL by SwiftShader (CPU), software compositing (chromium ${chromiumArgs.join(' ')})`);
  console.log(`median over ${runs} runs: first slice with dose — cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms (target < 1500 ms); scrolling ${median(fps).toFixed(1)} frames/s (target ≥ 30); cornerstone's exact frame ${median(exactAfter).toFixed(0)} ms after the last step`);
} finally {
  await browser.close();
  child.kill('SIGTERM');
}
