// vitrine serve's page: everything comes from the machine's own server (no CDN, no build step).
'use strict';

const $ = id => document.getElementById(id);
const SVGNS = 'http://www.w3.org/2000/svg';
let state = null, selected = 0, history = [], lastTlb = new Set(), tlbCounts = null;

function esc(s) { return String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c])); }
function hex(n) { return '0x' + Number(n).toString(16); }
function color(pid) { return 'hsl(' + ((pid * 137) % 360) + ',60%,62%)'; }
function svg(w, h, body) { return '<svg xmlns="' + SVGNS + '" width="' + w + '" height="' + h + '">' + body + '</svg>'; }

async function control(action, extra) {
  const q = new URLSearchParams(Object.assign({action: action}, extra || {}));
  const r = await fetch('/api/control?' + q, {method: 'POST'});
  if (!r.ok) alert((await r.json()).error);
}

$('btn-run').onclick = () => control('run');
$('btn-pause').onclick = () => control('pause');
$('btn-step-insn').onclick = () => control('step', {unit: 'insn'});
$('btn-step-syscall').onclick = () => control('step', {unit: 'syscall'});
$('btn-step-event').onclick = () => control('step', {unit: 'event'});
$('btn-until').onclick = () => control('step', {unit: $('until-kind').value});
$('speed').onchange = () => control('speed', {speed: $('speed').value});
// Keys for the controls, outside the page's text fields.
document.addEventListener('keydown', ev => {
  if (ev.target.tagName === 'INPUT' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const button = {r: 'btn-run', p: 'btn-pause', i: 'btn-step-insn', s: 'btn-step-syscall', e: 'btn-step-event', g: 'btn-until'}[ev.key];
  if (button) { ev.preventDefault(); $(button).click(); }
});

function connect() {
  const es = new EventSource('/api/events');
  es.addEventListener('state', e => show(JSON.parse(e.data)));
  es.onerror = () => { $('why').textContent = 'lost the server; retrying'; };
}

function show(s) {
  state = s;
  document.body.dataset.status = s.status;
  $('status').textContent = s.status;
  $('why').textContent = s.why;
  const c = s.counters || {};
  document.body.dataset.instructions = c.instructions || 0;
  if (!s.processes.some(p => p.pid === selected) && s.processes.length > 0 && s.status !== 'ended') selected = s.processes[0].pid;
  tree(s.processes, s.current);
  pipes(s.pipes);
  counters(c);
  frames(s.frames, s.last_cow);
  $('output').textContent = s.output;
  $('output').dataset.total = s.output_total;
  $('report').textContent = s.report || '';
  $('syscalls').textContent = s.syscalls.slice(-80).map(x => '[pid ' + x.pid + '] ' + x.text).join('\n');
  $('syscalls').scrollTop = 1e9;
  timeline(s.events);
  if (selected) loadProcess();
}

function tree(procs, current) {
  const kids = {};
  const pids = new Set(procs.map(p => p.pid));
  procs.forEach(p => { const parent = pids.has(p.ppid) ? p.ppid : 0; (kids[parent] = kids[parent] || []).push(p); });
  function list(parent) {
    const ps = kids[parent] || [];
    if (ps.length === 0) return '';
    return '<ul class="tree">' + ps.map(p => {
      const waits = p.threads.filter(t => t.wait).map(t => t.wait);
      return '<li data-pid="' + p.pid + '" data-state="' + p.state + '"' + (p.pid === selected ? ' class="selected"' : '') + '>'
        + '<span class="proc st-' + (p.pid === current ? 'running' : p.state) + '"><span class="swatch" style="background:' + color(p.pid) + '"></span>'
        + p.pid + ' ' + esc(p.comm) + ' <small>' + (p.pid === current ? 'running' : p.state) + ', ' + p.resident_pages + ' pages</small></span>'
        + (waits.length ? ' <span class="wait">' + esc(waits.join('; ')) + '</span>' : '') + list(p.pid) + '</li>';
    }).join('') + '</ul>';
  }
  $('proc-tree').innerHTML = procs.length ? list(0) : '<i>no process lives</i>';
  $('proc-tree').querySelectorAll('li > span.proc').forEach(el => el.onclick = () => {
    selected = Number(el.parentElement.dataset.pid);
    tree(state.processes, state.current);
    loadProcess();
  });
}

function pipes(list) {
  $('pipes').innerHTML = list.length === 0 ? '<i>none open</i>' : list.map(p => {
    const pct = Math.round(100 * p.fill / p.capacity);
    return '<div class="pipe" data-fill="' + p.fill + '">' + esc(p.name) + (p.fifo ? ' (fifo)' : '')
      + ' <span class="pipebar"><div style="width:' + pct + '%"></div></span> ' + p.fill + '/' + p.capacity + ' bytes'
      + '<br>writers ' + esc(p.writers.join(' ') || 'none') + (p.blocked_writers.length ? ' <span class="blocked">blocked: ' + p.blocked_writers.join(' ') + '</span>' : '')
      + '; readers ' + esc(p.readers.join(' ') || 'none') + (p.blocked_readers.length ? ' <span class="blocked">blocked: ' + p.blocked_readers.join(' ') + '</span>' : '')
      + '</div>';
  }).join('');
}

const CHARTS = ['instructions', 'tlb_hits', 'tlb_misses', 'walks', 'minor_faults', 'cow_copies', 'used_frames', 'context_switches', 'syscall_returns'];

function counters(c) {
  if (c.instructions === undefined) return;
  const last = history[history.length - 1];
  if (!last || last.instructions !== c.instructions || last.time_ns !== c.time_ns) history.push(c);
  if (history.length > 150) history.shift();
  $('counters').innerHTML = '<div class="spark">virtual time ' + (c.time_ns / 1e6).toFixed(3) + ' ms</div>' + CHARTS.map(k => {
    const vals = history.map(h => h[k] || 0);
    const max = Math.max(1, ...vals), min = Math.min(...vals);
    const pts = vals.map((v, i) => (i * 120 / Math.max(1, vals.length - 1)).toFixed(1) + ',' + (22 - 20 * (v - min) / Math.max(1, max - min)).toFixed(1)).join(' ');
    return '<div class="spark" data-counter="' + k + '">' + svg(122, 24, '<polyline fill="none" stroke="#1565c0" points="' + pts + '"/>')
      + ' ' + k.replace(/_/g, ' ') + ' <b>' + (c[k] || 0) + '</b></div>';
  }).join('');
}

const KIND_COLORS = {free: '#f0f0f0', kernel: '#607d8b', table: null, private: null, cow: '#ff9800', shared: '#9c27b0',
  file: '#8bc34a', cache: '#c5e1a5', shmem: '#ba68c8'};

function frames(f, cow) {
  if (!f) return;
  const used = new Map(f.used.map(u => [u.frame, u]));
  let last = 0;
  f.used.forEach(u => { last = Math.max(last, u.frame); });
  const n = Math.min(last + 1, 16384), per = 64, size = 7;
  let body = '';
  for (let i = 0; i < n; i++) {
    const u = used.get(i);
    const kind = u ? u.kind : 'free';
    let fill = KIND_COLORS[kind];
    if (!fill) fill = u && u.pid ? color(u.pid) : '#bbb';
    let cls = '';
    if (cow && i === cow.from_frame) cls = ' class="cow-from"';
    if (cow && i === cow.to_frame) cls = ' class="cow-to"';
    const title = 'frame ' + hex(i) + ': ' + kind + (u && u.pid ? ' pid ' + u.pid : '') + (u ? ', ' + u.map_count + ' mapping(s)' : '');
    body += '<rect x="' + (i % per) * size + '" y="' + Math.floor(i / per) * size + '" width="' + (size - 1) + '" height="' + (size - 1)
      + '" fill="' + fill + '"' + (kind === 'table' ? ' stroke="#000" stroke-width="0.5"' : '') + cls + ' data-frame="' + i + '" data-kind="' + kind
      + '" data-pid="' + (u && u.pid ? u.pid : '') + '" data-maps="' + (u ? u.map_count : 0) + '"><title>' + title + '</title></rect>';
  }
  $('frames').innerHTML = svg(per * size, Math.ceil(n / per) * size, body);
  const counts = f.counts;
  $('frames-legend').innerHTML = Object.keys(counts).map(k => '<span class="swatch" style="background:' + (KIND_COLORS[k] || '#bbb') + '"></span>'
    + k + ' ' + counts[k]).join(' &nbsp; ') + '<br>' + f.frames + ' frames of ' + f.page_size + ' bytes; '
    + 'private frames and page tables (outlined) take their process\'s colour';
  $('last-cow').innerHTML = cow ? 'last copy-on-write: pid ' + cow.pid + ' wrote ' + hex(cow.va) + ': frame '
    + '<span id="cow-from">' + hex(cow.from_frame) + '</span> (black outline) copied to <span id="cow-to">' + hex(cow.to_frame) + '</span> (red outline)' : '';
  const el = $('last-cow');
  if (cow) { el.dataset.pid = cow.pid; el.dataset.from = cow.from_frame; el.dataset.to = cow.to_frame; }
}

function timeline(events) {
  const evs = events.slice(-200);
  if (evs.length === 0) { $('timeline').innerHTML = ''; $('events').textContent = ''; return; }
  const t0 = evs[0].ns, t1 = Math.max(evs[evs.length - 1].ns, t0 + 1);
  const lanes = [...new Set(evs.map(e => e.pid))].sort((a, b) => a - b);
  const W = 520, L = 50;
  const kinds = {syscall_exit: '#90a4ae', fault: '#ef6c00', cow: '#d50000', fork: '#2e7d32', exec: '#1565c0', exit: '#000', wait: '#6a1b9a',
    pipe: '#0097a7', block: '#8d6e63', wake: '#fbc02d', switch: '#bdbdbd', signal: '#c2185b', evict: '#5d4037', swap: '#5d4037'};
  let body = '';
  lanes.forEach((pid, i) => { body += '<text x="0" y="' + (i * 16 + 12) + '" font-size="11">pid ' + pid + '</text>'; });
  evs.forEach(e => {
    const x = L + (e.ns - t0) * (W - L - 6) / (t1 - t0), y = lanes.indexOf(e.pid) * 16 + 8;
    body += '<circle cx="' + x.toFixed(1) + '" cy="' + y + '" r="3" fill="' + (kinds[e.type] || '#777') + '"><title>' + esc(describe(e)) + '</title></circle>';
  });
  $('timeline').innerHTML = svg(W, lanes.length * 16 + 4, body);
  $('events').textContent = evs.slice(-60).map(describe).join('\n');
  $('events').scrollTop = 1e9;
}

function describe(e) {
  const skip = new Set(['seq', 'ns', 'pid', 'tid', 'type']);
  const rest = Object.keys(e).filter(k => !skip.has(k)).map(k => k + '=' + (typeof e[k] === 'number' && /va|frame/.test(k) ? hex(e[k]) : JSON.stringify(e[k]))).join(' ');
  return (e.ns / 1e3).toFixed(1).padStart(10) + ' us  pid ' + e.pid + '  ' + e.type + '  ' + rest;
}

let loading = false;
async function loadProcess() {
  if (loading) return;
  loading = true;
  try {
    const r = await fetch('/api/process?pid=' + selected);
    if (!r.ok) {
      $('sel-title').textContent = selected + ' (gone: it exited and was reaped)';
      ['threads', 'vmas', 'pagetable', 'tlb', 'walk'].forEach(id => { $(id).innerHTML = ''; });
      return;
    }
    const p = await r.json();
    $('sel-title').textContent = p.pid + ' ' + p.comm + ' (' + p.argv.join(' ') + ')';
    $('threads').innerHTML = p.threads.map(t => '<div>thread ' + t.tid + ' ' + t.state + (t.wait ? ' <span class="wait">' + esc(t.wait) + '</span>' : '')
      + '<br>pc ' + t.pc + ' <span class="insn" id="insn">' + esc(t.insn) + '</span>' + (t.insn_hex ? ' <small>' + t.insn_hex + '</small>' : '')
      + '<table class="regs" id="regs">' + regRows(t.regs) + '</table></div>').join('');
    $('vmas').innerHTML = p.vmas ? '<table><tr><th>start</th><th>end</th><th>prot</th><th>pages</th><th>name</th></tr>'
      + p.vmas.map(v => '<tr><td>' + v.start + '</td><td>' + v.end + '</td><td>' + v.prot + '</td><td>' + v.pages + '</td><td>' + esc(v.name) + '</td></tr>').join('')
      + '</table>' : '';
    pagetable(p.pagetable);
    tlb(p.tlb);
  } finally {
    loading = false;
  }
}

function regRows(regs) {
  let rows = '';
  for (let i = 0; i < 32; i += 4) {
    rows += '<tr>' + regs.slice(i, i + 4).map(r => '<td>' + r.name + '</td><td>' + r.value + '</td>').join('') + '</tr>';
  }
  return rows;
}

function pagetable(pt) {
  if (!pt) { $('pagetable').innerHTML = ''; return; }
  $('pagetable').innerHTML = '<div>' + esc(pt.geometry) + ', root frame ' + hex(pt.root_frame) + ', ' + pt.table_frames + ' table frames</div>'
    + pt.entries.map(e => '<div class="pt-row" style="padding-left:' + (e.level * 18) + 'px" data-level="' + e.level + '" data-index="' + e.index
      + '" data-va="' + e.va + '">L' + e.level + '[' + e.index + '] ' + hex(e.va) + ' '
      + (e.table_frame !== undefined ? '&rarr; table ' + hex(e.table_frame)
        : '&rarr; ' + (e.swap_slot !== undefined ? 'swap ' + e.swap_slot : 'frame ' + hex(e.frame)) + ' ' + e.flags + ' ' + e.marks.join(',') + ' maps ' + e.map_count)
      + '</div>').join('');
}

function tlb(t) {
  if (!t) return;
  const now = new Set();
  const c = state ? state.counters : {}, was = tlbCounts;
  tlbCounts = {hits: c.tlb_hits, misses: c.tlb_misses};
  const flash = k => was && was[k] !== tlbCounts[k] ? ' class="flash"' : '';
  let html = '<div>' + esc(t.config || '') + ', ' + esc(t.policy || '') + (t.asid_tagged ? ', ASID-tagged' : '')
    + '; hits <b id="tlb-hits"' + flash('hits') + '>' + c.tlb_hits + '</b>, misses <b id="tlb-misses"' + flash('misses') + '>' + c.tlb_misses
    + '</b> (new entries flash: each one was a miss and a walk)</div>';
  (t.sides || []).forEach(side => {
    html += '<div><b>' + side.side + '</b> ' + side.sets + ' set(s) x ' + side.ways + ' way(s), ' + side.entries.length + ' valid</div>'
      + '<table><tr><th>set</th><th>way</th><th>asid</th><th>va</th><th>frame</th><th>flags</th><th>age</th></tr>';
    side.entries.forEach(e => {
      const key = side.side + ':' + e.set + ':' + e.way + ':' + e.va + ':' + e.asid + ':' + e.frame;
      now.add(key);
      html += '<tr class="tlb-entry' + (lastTlb.has(key) ? '' : ' flash') + '"><td>' + e.set + '</td><td>' + e.way + '</td><td>' + e.asid + '</td><td>' + hex(e.va)
        + '</td><td>' + hex(e.frame) + '</td><td>' + e.flags + '</td><td>' + (e.age === undefined ? '' : e.age) + '</td></tr>';
    });
    html += '</table>';
  });
  lastTlb = now;
  $('tlb').innerHTML = html;
}

$('walk-form').onsubmit = async ev => {
  ev.preventDefault();
  const q = new URLSearchParams({pid: selected, va: $('walk-va').value.trim() || '0', access: $('walk-access').value});
  const r = await fetch('/api/walk?' + q);
  const w = await r.json();
  if (!r.ok) { $('walk').textContent = w.error; return; }
  $('walk').innerHTML = '<div>' + w.access + ' of ' + w.va + '</div>' + w.steps.map((s, i) => '<div class="walk-step" data-step="' + i + '">level ' + s.level
    + ' index <b>' + s.index + '</b> (va bits ' + (s.shift + s.bits - 1) + '..' + s.shift + '): PTE @' + s.pte_pa + ' = ' + s.pte + ' [' + s.flags + '] ppn ' + s.ppn + (s.leaf ? ' (leaf)' : s.valid ? ' (next table)' : ' (not valid)') + '</div>').join('')
    + '<div class="walk-step" id="walk-result" data-step="' + w.steps.length + '">' + (w.pa ? '&rarr; physical ' + w.pa : '&rarr; fault: ' + esc(w.fault) + (w.vma ? ' (' + esc(w.vma) + ')' : '')) + '</div>';
  document.querySelectorAll('.pt-row.hit').forEach(el => el.classList.remove('hit'));
  const steps = [...document.querySelectorAll('.walk-step')];
  steps.forEach((el, i) => setTimeout(() => {
    el.classList.add('shown');
    const s = w.steps[i];
    if (s) document.querySelectorAll('.pt-row[data-level="' + s.level + '"][data-index="' + s.index + '"]').forEach(row => {
      if (covers(row, w.va, s.shift)) row.classList.add('hit');
    });
  }, 350 * i));
};

// A table row covers va when va's bits from that level's index up are the row's.
function covers(row, va, shift) {
  const b = BigInt(shift);
  return (BigInt(va) >> b) === (BigInt(row.dataset.va) >> b);
}

const LAB_DEFAULTS = {translate: '--seed 1 0x3a7f 0x1000', replace: '--refs 1,2,3,4,1,2,5,1,2,3,4,5 --policy fifo,lru,opt --frames 1-5',
  sched: '--jobs A=10,B=5@2,C=8@4 --policy fcfs,sjf,rr --quantum 2'};
$('lab-cmd').onchange = () => { $('lab-args').value = LAB_DEFAULTS[$('lab-cmd').value]; };
$('lab-args').value = LAB_DEFAULTS.translate;
$('lab-form').onsubmit = async ev => {
  ev.preventDefault();
  const q = new URLSearchParams({cmd: $('lab-cmd').value, args: $('lab-args').value});
  const r = await fetch('/api/lab?' + q);
  const o = await r.json();
  if (!r.ok) { $('lab-out').textContent = o.error; $('lab-chart').innerHTML = ''; return; }
  $('lab-out').textContent = o.text + o.error;
  $('lab-out').dataset.status = o.status;
  let data = null;
  try { data = o.json ? JSON.parse(o.json) : null; } catch (e) { data = null; }
  $('lab-chart').innerHTML = data ? labChart($('lab-cmd').value, data) : '';
};

function labChart(cmd, data) {
  const results = data.results || [];
  if (cmd === 'replace') {
    const counts = [...new Set(results.map(r => r.frames))];
    return counts.length > 1 ? lines(results, counts) : bars(results.map(r => [r.policy + ' ' + r.frames + ' frames', r.hitRate]), 'hit rate');
  }
  if (cmd === 'sched') return results.map(gantt).join('') + bars(results.map(r => [r.policy, r.avgTurnaround]), 'average turnaround');
  return results.map(r => '<div><b>' + esc(r.vaHex) + '</b> in ' + esc(r.geometry) + ': indices ' + (r.indices || []).join(', ') + ', offset ' + r.offset + '</div>'
    + (r.walk || []).map(w => '<div class="walk-step shown">level ' + w.level + ' index <b>' + w.index + '</b>: PTE at ' + hex(w.pteAddress) + ' = '
      + hex(w.pte) + ' [' + w.flags + '] ' + esc(w.meaning) + '</div>').join('')
    + (r.fault ? '<div class="blocked">' + esc(r.fault.why) + '; ' + esc(r.fault.kernel) + '</div>' : r.pa !== undefined ? '<div>&rarr; physical ' + hex(r.pa) + '</div>' : '')).join('');
}

function gantt(r) {
  const tl = r.timeline || [];
  if (tl.length === 0) return '';
  const jobs = [...new Set(tl.map(s => s.job))], end = Math.max(...tl.map(s => s.end), 1), W = 440, L = 60, H = 14;
  let body = '<text x="0" y="11" font-size="12">' + esc(r.policy) + '</text>';
  jobs.forEach((j, i) => { body += '<text x="0" y="' + (28 + i * H) + '" font-size="11">' + esc(j) + '</text>'; });
  tl.forEach(s => {
    const i = jobs.indexOf(s.job), x = L + s.start * (W - L) / end, w = Math.max(1, (s.end - s.start) * (W - L) / end);
    body += '<rect class="slot" x="' + x.toFixed(1) + '" y="' + (18 + i * H) + '" width="' + w.toFixed(1) + '" height="' + (H - 3) + '" fill="' + color(i + 2)
      + '"><title>' + esc(s.job + ' ' + s.start + '-' + s.end) + '</title></rect>';
  });
  body += '<text x="' + L + '" y="' + (30 + jobs.length * H) + '" font-size="10">0</text><text x="' + (W - 20) + '" y="' + (30 + jobs.length * H) + '" font-size="10">' + end + '</text>';
  return svg(W + 10, 36 + jobs.length * H, body);
}

// Hit rate against frame count, one line per policy: where FIFO's line dips, Belady's anomaly.
function lines(results, counts) {
  const policies = [...new Set(results.map(r => r.policy))], W = 420, H = 200, L = 40, B = 24;
  const lo = Math.min(...counts), hi = Math.max(...counts);
  const x = f => L + (f - lo) * (W - L - 10) / Math.max(1, hi - lo), y = v => H - B - v * (H - B - 10);
  let body = '<text x="0" y="12" font-size="12">hit rate by frame count</text>';
  [0, 0.5, 1].forEach(v => { body += '<text x="4" y="' + (y(v) + 4) + '" font-size="10">' + v + '</text><line x1="' + L + '" x2="' + (W - 10) + '" y1="' + y(v) + '" y2="' + y(v) + '" stroke="#eee"/>'; });
  counts.forEach(f => { body += '<text x="' + (x(f) - 3) + '" y="' + (H - 8) + '" font-size="10">' + f + '</text>'; });
  policies.forEach((p, i) => {
    const rs = results.filter(r => r.policy === p).sort((a, b) => a.frames - b.frames), c = color(i * 3 + 2);
    body += '<polyline fill="none" stroke="' + c + '" stroke-width="2" points="' + rs.map(r => x(r.frames).toFixed(1) + ',' + y(r.hitRate).toFixed(1)).join(' ') + '"/>';
    rs.forEach(r => { body += '<circle class="point" cx="' + x(r.frames).toFixed(1) + '" cy="' + y(r.hitRate).toFixed(1) + '" r="3" fill="' + c + '"><title>' + esc(p + ', ' + r.frames + ' frames: ' + r.faults + ' faults, hit rate ' + r.hitRate) + '</title></circle>'; });
    body += '<text x="' + (W + 4) + '" y="' + (20 + i * 14) + '" font-size="11" fill="' + c + '">' + esc(p) + '</text>';
  });
  return svg(W + 80, H, body);
}

function bars(rows, label) {
  rows = rows.filter(r => typeof r[1] === 'number');
  if (rows.length === 0) return '';
  const max = Math.max(...rows.map(r => r[1]), 1e-9), H = 18;
  let body = '<text x="0" y="12" font-size="12">' + esc(label) + '</text>';
  rows.forEach((r, i) => {
    const w = 300 * r[1] / max, y = 20 + i * H;
    body += '<text x="0" y="' + (y + 12) + '" font-size="11">' + esc(r[0]) + '</text><rect class="bar" x="130" y="' + y + '" width="' + w.toFixed(1)
      + '" height="' + (H - 4) + '" fill="#42a5f5"/><text x="' + (135 + w).toFixed(1) + '" y="' + (y + 12) + '" font-size="11">' + (+r[1].toFixed(3)) + '</text>';
  });
  return svg(520, 24 + rows.length * H, body);
}

connect();
fetch('/api/state').then(r => r.json()).then(s => { if (s.status) show(s); });
