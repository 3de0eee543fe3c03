#!/usr/bin/env node
// Deterministic synthetic results files with sub-units and periods, for the
// tests, the benchmark and the illustrative example. Nothing here is real:
// every file says so in its title and notes.
//
//   node scripts/gen-results.mjs 10000 > big.json      # 10,000 communes, 2 periods
//   node scripts/gen-results.mjs --example > data/example-districts.json
//
// `generate({ units, periods, seed, names })` is also imported by the e2e
// harness (served as /gen/units-N.json) and by bench/run.mjs.

const TIERS = [
  { id: 'excellent', label: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Completed duties excellently' }, short: { vi: 'Xuất sắc', en: 'Excellent' } },
  { id: 'good', label: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Completed duties well' }, short: { vi: 'Tốt', en: 'Good' } },
  { id: 'completed', label: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed duties' }, short: { vi: 'Hoàn thành', en: 'Completed' } },
  { id: 'not-completed', label: { vi: 'Không hoàn thành nhiệm vụ', en: 'Did not complete duties' }, short: { vi: 'Không hoàn thành', en: 'Not completed' } },
];

// Thirteen district-level units of Phú Thọ province (names only; figures invented).
export const PHU_THO_DISTRICTS = [
  'Thành phố Việt Trì', 'Thị xã Phú Thọ', 'Huyện Đoan Hùng', 'Huyện Hạ Hòa', 'Huyện Thanh Ba',
  'Huyện Phù Ninh', 'Huyện Yên Lập', 'Huyện Cẩm Khê', 'Huyện Tam Nông', 'Huyện Lâm Thao',
  'Huyện Thanh Sơn', 'Huyện Thanh Thủy', 'Huyện Tân Sơn',
];

const SYLLABLES = ['Việt', 'Trì', 'Tam', 'Nông', 'Thanh', 'Thủy', 'Hùng', 'Lô', 'Sơn', 'Đoan', 'Phù', 'Ninh', 'Yên',
  'Lập', 'Cẩm', 'Khê', 'Lâm', 'Thao', 'Tân', 'Hạ', 'Hòa', 'Ba', 'Đồng', 'Xuân', 'Phúc', 'Minh', 'An', 'Bình', 'Hưng', 'Quang'];

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/// Splits `n` over the tiers around `weights`, with noise.
function split(n, weights, rand) {
  const w = weights.map((x) => x * (0.6 + 0.8 * rand()));
  const sum = w.reduce((a, b) => a + b, 0);
  const counts = w.map((x) => Math.floor((n * x) / sum));
  counts[1] += n - counts.reduce((a, b) => a + b, 0);
  return Object.fromEntries(TIERS.map((t, i) => [t.id, counts[i]]));
}

function add(into, counts) {
  for (const [k, v] of Object.entries(counts)) into[k] = (into[k] || 0) + v;
}

/// A whole results file: `units` sub-units, `periods` years (the latest on
/// top), deterministic for a given `seed`.
export function generate({ units = 10, periods = 2, seed = 1, names = null, title = null } = {}) {
  const rand = rng(seed);
  const list = [];
  const used = new Set();
  for (let i = 0; i < units; i++) {
    let label = names?.[i];
    if (!label) {
      const a = SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
      const b = SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
      label = `Xã ${a} ${b}`;
      if (used.has(label)) label = `${label} ${i + 1}`;
    }
    used.add(label);
    let id = slug(label) || `unit-${i + 1}`;
    if (list.some((u) => u.id === id)) id = `${id}-${i + 1}`;
    const size = 0.2 + 2 * rand();
    list.push({ id, label, orgs: Math.max(3, Math.round(40 * size)), members: Math.max(20, Math.round(3000 * size)) });
  }
  const latest = 2022;
  const years = Array.from({ length: periods }, (_, k) => latest - k);
  const byYear = years.map((year, k) => {
    const drift = k * 0.04; // earlier years: a little fewer "excellent"
    const orgW = [0.19 - drift, 0.77, 0.035 + drift / 2, 0.005];
    const memW = [0.165 - drift, 0.78, 0.05 + drift / 2, 0.005];
    const top = { organisations: {}, members: {} };
    let orgTotal = 0;
    let memTotal = 0;
    const us = list.map((u) => {
      const orgs = split(u.orgs, orgW, rand);
      const members = split(u.members, memW, rand);
      add(top.organisations, orgs);
      add(top.members, members);
      orgTotal += u.orgs;
      memTotal += u.members;
      return {
        id: u.id,
        label: u.label,
        groups: [
          { id: 'organisations', evaluated: u.orgs, counts: orgs },
          { id: 'members', evaluated: u.members, counts: members },
        ],
      };
    });
    return { year, orgTotal, memTotal, top, units: us };
  });
  const [now, ...before] = byYear;
  const groups = (y) => [
    { id: 'organisations', label: { vi: 'Tổ chức cơ sở đảng', en: 'Grassroots party organisations' }, evaluated: y.orgTotal, counts: y.top.organisations },
    { id: 'members', label: { vi: 'Đảng viên', en: 'Party members' }, evaluated: y.memTotal, counts: y.top.members },
  ];
  const file = {
    version: 1,
    lang: 'vi',
    title: title || {
      vi: `Ví dụ minh họa: xếp loại ${units} đơn vị (số liệu giả định)`,
      en: `Illustrative example: ${units} units by tier (invented figures)`,
    },
    region: { vi: 'Dữ liệu tổng hợp giả định', en: 'Synthetic data' },
    period: { vi: `Năm ${now.year}`, en: `${now.year}` },
    period_id: String(now.year),
    notes: [{
      vi: 'Số liệu trong tệp này là giả định, chỉ để minh họa; không phải kết quả thật.',
      en: 'The figures in this file are invented for illustration; they are not real results.',
    }],
    tiers: TIERS,
    groups: groups(now),
    units: now.units,
  };
  if (before.length) {
    file.periods = before.map((y) => ({
      id: String(y.year),
      label: { vi: `Năm ${y.year}`, en: `${y.year}` },
      groups: groups(y).map(({ label, ...g }) => g),
      units: y.units,
    }));
  }
  return file;
}

/// The illustrative example committed as data/example-districts.json.
export function example() {
  const f = generate({
    units: PHU_THO_DISTRICTS.length,
    periods: 2,
    seed: 2022,
    names: PHU_THO_DISTRICTS,
    title: {
      vi: 'Ví dụ minh họa: xếp loại tổ chức đảng và đảng viên theo huyện (số liệu giả định)',
      en: 'Illustrative example: party organisations and members by district (invented figures)',
    },
  });
  f.region = { vi: 'Tỉnh Phú Thọ (tên huyện thật, số liệu giả định)', en: 'Phú Thọ province (real district names, invented figures)' };
  return f;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv[2];
  const file = arg === '--example' ? example() : generate({ units: Number(arg || 10), periods: Number(process.argv[3] || 2) });
  process.stdout.write(`${JSON.stringify(file, null, arg === '--example' ? 2 : 0)}\n`);
}
