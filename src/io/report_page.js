// The report page's script (io/html_report.hpp): draws every chart and table from
// the data element, in the page's language, then sets body[data-ready="1"].
// Each figure.chart has a .canvas (the ECharts instance), a caption, a toggle button
// and a table.data whose numeric cells carry their exact value in data-value.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("sixlink-data").textContent);
  const zh = data.language === "zh";
  const T = (z, e) => (zh ? z : e);
  const TOP = 30;  // charts of long lists keep their largest entries
  const PAGE = 50;  // table rows per page

  const fmt = (x, digits) => {
    if (x === null || x === undefined) return "—";
    if (typeof x !== "number") return String(x);
    if (!isFinite(x)) return x > 0 ? "∞" : "−∞";
    const d = digits === undefined ? (Number.isInteger(x) ? 0 : 2) : digits;
    return x.toLocaleString(zh ? "zh-CN" : "en-US", {minimumFractionDigits: d, maximumFractionDigits: d});
  };
  const pct = (x) => (x === null || x === undefined ? "—" : fmt(100 * x, 1) + " %");
  const el = (tag, attrs, text) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // A table: columns [{label, value: row -> raw, show: raw -> text}], paged and sortable.
  function table(columns, rows, pageSize) {
    const t = el("table", {class: "data"});
    const size = pageSize || PAGE;
    const head = el("thead"), body = el("tbody"), tr = el("tr");
    let order = rows.slice(), page = 0, sortBy = -1, down = true;
    columns.forEach((c, i) => {
      const th = el("th", {}, c.label);
      th.addEventListener("click", () => {
        down = sortBy === i ? !down : true;
        sortBy = i;
        order = rows.slice().sort((a, b) => {
          const x = c.value(a), y = c.value(b);
          const r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return down ? -r : r;
        });
        page = 0;
        fill();
      });
      tr.appendChild(th);
    });
    head.appendChild(tr);
    t.append(head, body);
    const pager = el("div", {class: "pager"});
    function fill() {
      body.textContent = "";
      for (const row of order.slice(page * size, (page + 1) * size)) {
        const r = el("tr");
        for (const c of columns) {
          const raw = c.value(row);
          const td = el("td", {}, c.show ? c.show(raw, row) : fmt(raw));
          if (typeof raw === "number") td.setAttribute("data-value", String(raw));
          r.appendChild(td);
        }
        body.appendChild(r);
      }
      pager.textContent = "";
      const pages = Math.ceil(order.length / size);
      if (pages > 1) {
        const prev = el("button", {class: "prev"}, "‹"), next = el("button", {class: "next"}, "›");
        prev.onclick = () => { if (page > 0) { page--; fill(); } };
        next.onclick = () => { if (page + 1 < pages) { page++; fill(); } };
        pager.append(prev, el("span", {}, ` ${page + 1} / ${pages} (${order.length}) `), next);
      }
    }
    fill();
    const box = el("div", {class: "table-box"});
    box.append(t, pager);
    return box;
  }

  const charts = [];
  // A figure: heading, caption, chart, toggle and its table (hidden until toggled).
  function figure(key, title, caption, option, columns, rows, height, pageSize) {
    const f = el("figure", {class: "chart", id: "chart-" + key});
    f.appendChild(el("h3", {}, title));
    const canvas = el("div", {class: "canvas", style: `height:${height || 380}px`});
    const button = el("button", {class: "toggle"}, T("显示数据表", "Show the numbers"));
    const box = table(columns, rows, pageSize);
    const t = box.querySelector("table");
    t.hidden = true;
    box.hidden = true;
    button.addEventListener("click", () => {
      t.hidden = !t.hidden;
      box.hidden = t.hidden;
      button.textContent = t.hidden ? T("显示数据表", "Show the numbers") : T("隐藏数据表", "Hide the numbers");
    });
    f.append(canvas, el("figcaption", {}, caption), button, box);
    document.getElementById("charts").appendChild(f);
    charts.push([canvas, option]);
  }
  // Category axes show every label, long ones cut to 18 characters (the tooltip has them whole).
  const axisNames = (names) => ({type: "category", data: names,
                                 axisLabel: {interval: 0, rotate: names.length > 8 ? 35 : 0,
                                             formatter: (v) => (v.length > 18 ? v.slice(0, 17) + "…" : v)}});
  const base = (extra) => Object.assign({animation: false, tooltip: {trigger: "axis"}, legend: {top: 0},
                                         grid: {left: 60, right: 20, top: 40, bottom: 110}}, extra);

  const gap = data.gap, plan = data.plan, placement = data.placement;
  const regionName = (id) => (data.names.regions || {})[id] || id;
  const occupationName = (id) => (data.names.occupations || {})[id] || id;
  // The header: scenario, years, and what in it is illustrative.
  const header = document.getElementById("header");
  header.appendChild(el("p", {}, T(`情景 ${data.scenario} · 供需分析 ${gap.year} 年 · 招生计划 ${plan.year} 年（毕业进入 ${plan.demand_year} 年市场）`,
                                   `Scenario ${data.scenario} · gap analysis ${gap.year} · intake plan ${plan.year} (graduating into ${plan.demand_year})`)));
  for (const note of data.notes || [])
    header.appendChild(el("p", {class: "notes"}, T("示意数据：", "Illustrative: ") + note));

  // 1. The plan's indicator table.
  const indicatorName = (r) => (zh ? r.name_zh : r.name_en) || r.name;
  const unitOf = (r) => (zh ? r.unit_zh : r.unit_en) || r.unit || "";
  const shown = (x, r) => (r.unit === "fraction" ? pct(x) : fmt(x));
  const targeted = gap.indicators.filter((r) => typeof r.target_2025 === "number" && r.target_2025 !== 0 &&
                                                typeof r.value === "number");
  figure("indicators", T("规划指标", "The plan's indicators"),
         T("每项指标的当前值与2023、2025年目标，均以2025年目标为100%：低于100%的柱表示尚未达标。",
           "Each indicator's value and its 2023 target as a share of its 2025 target: a bar below 100 % is short of it."),
         base({xAxis: axisNames(targeted.map(indicatorName)), yAxis: {type: "value", name: "%"},
               series: [
                 {name: T("当前值", "value"), type: "bar", data: targeted.map((r) => +(100 * r.value / r.target_2025).toFixed(2))},
                 {name: T("2023年目标", "2023 target"), type: "bar",
                  data: targeted.map((r) => (typeof r.target_2023 === "number" ? +(100 * r.target_2023 / r.target_2025).toFixed(2) : null))}]}),
         [{label: T("指标", "indicator"), value: indicatorName, show: String},
          {label: T("单位", "unit"), value: unitOf, show: String},
          {label: String(gap.indicators.length ? gap.indicators[0].base_year : ""), value: (r) => r.base_value, show: shown},
          {label: T("2023年目标", "2023 target"), value: (r) => r.target_2023, show: shown},
          {label: T("2025年目标", "2025 target"), value: (r) => r.target_2025, show: shown},
          {label: T(`${gap.year}年值`, `value ${gap.year}`), value: (r) => r.value, show: shown},
          {label: T("差距", "gap"), value: (r) => r.gap, show: shown},
          {label: T("是否达标", "on track"), value: (r) => (r.on_track === null || r.on_track === undefined ? "—" : r.on_track ? T("是", "yes") : T("否", "no")), show: String}],
         gap.indicators, 420);

  // 2. Sankey: specialty classes -> clusters (local jobs) / study / leaving -> outcome.
  const programmes = new Map(gap.programmes.map((p) => [p.id, p]));
  const classOf = (p) => data.classes[p.specialty] || {code: p.specialty, name: p.specialty};
  const clusterName = new Map(gap.clusters.map((c) => [c.id, c.name || c.id]));
  const links = new Map();
  const add = (s, t, v) => { if (v > 0) links.set(s + "\u0001" + t, (links.get(s + "\u0001" + t) || 0) + v); };
  const local = T("本地就业", "local job"), studyLocal = T("本地升学", "study in the city"),
        studyOut = T("外地升学", "study elsewhere"), leave = T("离开本市", "leave the city"),
        idle = T("未就业", "no opening");
  // The TOP classes with most graduates keep a node each; the rest share one.
  const classSize = new Map();
  for (const p of gap.programmes) {
    const c = classOf(p);
    classSize.set(c.code + " " + c.name, (classSize.get(c.code + " " + c.name) || 0) + p.graduates);
  }
  const keptClasses = new Set([...classSize.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP).map((e) => e[0]));
  const label = (p) => {
    const c = classOf(p), name = c.code + " " + c.name;
    return keptClasses.has(name) ? name : T("其他专业类", "other specialty classes");
  };
  // The TOP clusters employing most graduates keep a node each; the rest share one.
  const employed = new Map();
  for (const f of gap.flows) employed.set(f.cluster, (employed.get(f.cluster) || 0) + f.graduates);
  const kept = new Set([...employed.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP).map((e) => e[0]));
  for (const f of gap.flows) {
    const p = programmes.get(f.programme);
    const c = "▸ " + (kept.has(f.cluster) ? clusterName.get(f.cluster) || f.cluster : T("其他集群", "other clusters"));
    add(label(p), c, f.graduates);
    add(c, local, f.graduates);
  }
  for (const p of gap.programmes) {
    add(label(p), leave, p.leaving);
    add(label(p), idle, p.surplus);
  }
  for (const r of gap.progression.programmes) {
    const p = programmes.get(r.programme);
    add(label(p), studyLocal, r.progressed_local);
    add(label(p), studyOut, r.progressed - r.progressed_local);
  }
  const flowRows = [...links.entries()].map(([k, v]) => ({source: k.split("\u0001")[0], target: k.split("\u0001")[1], value: v}));
  const nodes = [...new Set(flowRows.flatMap((r) => [r.source, r.target]))].map((name) => ({name}));
  figure("sankey", T("毕业生去向", "Where graduates go"),
         T("左侧为专业类的毕业生，中间为其在本地就业的产业集群，右侧为本地就业、升学与离开：离开本市的流越宽，留台越少。",
           "Graduates of each specialty class (left) by the cluster they work in locally (middle) and their outcome (right): the wider the flow out of the city, the fewer stay."),
         {animation: false, tooltip: {trigger: "item"},
          series: [{type: "sankey", data: nodes, links: flowRows, emphasis: {focus: "adjacency"},
                    nodeGap: 6, label: {fontSize: 10}, left: 10, right: 120}]},
         [{label: T("来源", "from"), value: (r) => r.source, show: String},
          {label: T("去向", "to"), value: (r) => r.target, show: String},
          {label: T("人数", "graduates"), value: (r) => r.value}],
         flowRows, Math.max(500, 14 * nodes.length), 200);

  // 3. Supply against demand: clusters, counties, occupations with the most unmet openings.
  const band = (b) => ({shortage: T("短缺", "shortage"), balanced: T("平衡", "balanced"),
                        oversupply: T("过剩", "oversupply"), no_demand: T("无需求", "no demand")}[b] || b);
  const clusters = gap.clusters.slice().sort((a, b) => b.demand - a.demand).slice(0, TOP);
  figure("clusters", T("产业集群供需", "Supply and demand by cluster"),
         T("各产业集群的毕业生供给（按职业亲和度归属）与岗位需求：供给低于需求的集群短缺技能人才。",
           "Graduates attributed to each cluster against its openings: a cluster whose supply falls short of demand lacks skilled workers."),
         base({xAxis: axisNames(clusters.map((c) => c.name || c.id)), yAxis: {type: "value"},
               series: [{name: T("供给", "supply"), type: "bar", data: clusters.map((c) => +c.supply.toFixed(1))},
                        {name: T("需求", "demand"), type: "bar", data: clusters.map((c) => c.demand)},
                        {name: T("已匹配", "matched"), type: "bar", data: clusters.map((c) => c.matched)}]}),
         [{label: T("集群", "cluster"), value: (c) => c.name || c.id, show: String},
          {label: T("供给", "supply"), value: (c) => c.supply, show: (x) => fmt(x, 1)},
          {label: T("需求", "demand"), value: (c) => c.demand},
          {label: T("已匹配", "matched"), value: (c) => c.matched},
          {label: T("缺口", "unmet"), value: (c) => c.unmet},
          {label: T("供需比", "ratio"), value: (c) => c.ratio, show: (x) => fmt(x, 2)},
          {label: T("状态", "band"), value: (c) => band(c.band), show: String}],
         gap.clusters);
  const regions = gap.regions.slice().sort((a, b) => b.demand - a.demand).slice(0, TOP);
  figure("counties", T("县（市、区）供需", "Supply and demand by county"),
         T("各县（市、区）求职毕业生、岗位与本地就业人数：岗位多于毕业生的县需要更多招生或跨县流动。",
           "Job-seeking graduates, openings and local placements by county: a county with more openings than graduates needs more intake or graduates from elsewhere."),
         base({xAxis: axisNames(regions.map((r) => regionName(r.id))), yAxis: {type: "value"},
               series: [{name: T("毕业生", "graduates"), type: "bar", data: regions.map((r) => r.graduates)},
                        {name: T("岗位", "openings"), type: "bar", data: regions.map((r) => r.demand)},
                        {name: T("本地就业", "placed locally"), type: "bar", data: regions.map((r) => r.placed_local)}]}),
         [{label: T("县（市、区）", "county"), value: (r) => regionName(r.id), show: String},
          {label: T("学校", "schools"), value: (r) => r.schools},
          {label: T("毕业生", "graduates"), value: (r) => r.graduates},
          {label: T("本地就业", "placed locally"), value: (r) => r.placed_local},
          {label: T("离开", "leaving"), value: (r) => r.leaving},
          {label: T("岗位", "openings"), value: (r) => r.demand},
          {label: T("缺口", "unmet"), value: (r) => r.unmet},
          {label: T("留台率", "retention"), value: (r) => r.retention_rate, show: pct}],
         gap.regions);
  const shortages = gap.occupations.filter((o) => o.unmet > 0).sort((a, b) => b.unmet - a.unmet);
  const topShort = shortages.slice(0, 15);
  const nodeName = (o) => `${occupationName(o.occupation)} · ${clusterName.get(o.cluster) || o.cluster} · ${regionName(o.region)}`;
  figure("occupations", T("缺口最大的职业岗位", "Occupations with the most unmet openings"),
         T("空缺岗位最多的（职业、集群、县）：这些是新增或扩大专业最能填补的需求。",
           "The (occupation, cluster, county) openings left most unfilled: where opening or expanding a specialty would help most."),
         base({xAxis: axisNames(topShort.map(nodeName)), yAxis: {type: "value"},
               series: [{name: T("缺口", "unmet"), type: "bar", data: topShort.map((o) => o.unmet)},
                        {name: T("岗位", "openings"), type: "bar", data: topShort.map((o) => o.openings)}]}),
         [{label: T("职业", "occupation"), value: (o) => occupationName(o.occupation), show: String},
          {label: T("集群", "cluster"), value: (o) => clusterName.get(o.cluster) || o.cluster, show: String},
          {label: T("县（市、区）", "county"), value: (o) => regionName(o.region), show: String},
          {label: T("岗位", "openings"), value: (o) => o.openings},
          {label: T("已匹配", "matched"), value: (o) => o.matched},
          {label: T("缺口", "unmet"), value: (o) => o.unmet},
          {label: T("供需比", "ratio"), value: (o) => o.ratio, show: (x) => fmt(x, 2)}],
         shortages);

  // 4. The quota plan: intake change per recommended programme, with every reason.
  const actionName = (a) => ({expand: T("扩大", "expand"), shrink: T("缩减", "shrink"),
                              open: T("新设", "open"), close: T("停办", "close")}[a] || a);
  const recs = plan.recommendations || [];
  const biggest = recs.slice().sort((a, b) => Math.abs(b.intake - b.current_intake) - Math.abs(a.intake - a.current_intake)).slice(0, TOP);
  const colour = {expand: "#2e7d32", open: "#1565c0", shrink: "#ef6c00", close: "#c62828"};
  figure("plan", T(`${plan.year}年招生计划调整`, `Intake changes for ${plan.year}`),
         T("建议扩大（绿）、新设（蓝）、缩减（橙）或停办（红）的专业点的招生变化；表中列出每条建议的理由、边际价值与稳健性。",
           "The intake change of each programme to expand (green), open (blue), shrink (orange) or close (red); the table gives every recommendation's reason, marginal value and agreement."),
         base({tooltip: {trigger: "item"}, xAxis: axisNames(biggest.map((r) => r.name || r.programme)), yAxis: {type: "value"},
               series: [{name: T("招生变化", "intake change"), type: "bar",
                         data: biggest.map((r) => ({value: +(r.intake - r.current_intake).toFixed(2), itemStyle: {color: colour[r.action]}}))}]}),
         [{label: T("专业点", "programme"), value: (r) => r.programme, show: String},
          {label: T("名称", "name"), value: (r) => r.name || "", show: String},
          {label: T("建议", "action"), value: (r) => actionName(r.action), show: String},
          {label: T("现招生", "current"), value: (r) => r.current_intake},
          {label: T("建议招生", "intake"), value: (r) => r.intake},
          {label: T("边际价值", "marginal value"), value: (r) => r.marginal_value, show: (x) => fmt(x, 3)},
          {label: T("一致性", "agreement"), value: (r) => (r.agreement === null ? "—" : r.agreement), show: (x) => (typeof x === "number" ? pct(x) : x)},
          {label: T("理由", "reason"), value: (r) => r.reason, show: String}],
         recs, 420);

  // 5. The rolling plan to the target year.
  const years = plan.horizon || [];
  figure("horizon", T("滚动计划", "The rolling plan"),
         T("逐年在校生与留台率及其目标：实线低于虚线的年份未达到规划目标。",
           "Enrolment and retention year by year against their targets: a year whose line falls below the dashed target is short of the plan."),
         base({xAxis: {type: "category", data: years.map((y) => String(y.year))},
               yAxis: [{type: "value", name: T("在校生", "students")}, {type: "value", name: T("留台率 %", "retention %"), min: 0, max: 100}],
               series: [{name: T("在校生", "enrolment"), type: "line", data: years.map((y) => +y.enrolment.toFixed(0))},
                        {name: T("在校生目标", "enrolment target"), type: "line", lineStyle: {type: "dashed"}, data: years.map((y) => (y.enrolment_target === null ? null : +y.enrolment_target.toFixed(0)))},
                        {name: T("留台率", "retention"), type: "line", yAxisIndex: 1, data: years.map((y) => +(100 * y.retention_rate).toFixed(2))},
                        {name: T("留台率目标", "retention target"), type: "line", yAxisIndex: 1, lineStyle: {type: "dashed"}, connectNulls: true,
                         data: years.map((y) => (y.retention_target === null ? null : +(100 * y.retention_target).toFixed(2)))}]}),
         [{label: T("年份", "year"), value: (y) => y.year, show: String},
          {label: T("招生", "intake"), value: (y) => y.intake, show: (x) => fmt(x, 0)},
          {label: T("在校生", "enrolment"), value: (y) => y.enrolment, show: (x) => fmt(x, 0)},
          {label: T("在校生目标", "enrolment target"), value: (y) => y.enrolment_target, show: (x) => fmt(x, 0)},
          {label: T("毕业生", "graduates"), value: (y) => y.graduates},
          {label: T("留台率", "retention"), value: (y) => y.retention_rate, show: pct},
          {label: T("留台率目标", "retention target"), value: (y) => y.retention_target, show: pct},
          {label: T("岗位匹配率", "match rate"), value: (y) => y.match_rate, show: pct}],
         years);

  // 6. Placement: optimal against stable.
  const modes = [["optimal", T("最优分配", "optimal")], ["stable", T("稳定匹配", "stable")]];
  const measures = [["placement_rate", T("安置率", "placement rate")], ["retention_rate", T("留台率", "retention")],
                    ["mean_fit", T("平均匹配度", "mean fit")]];
  figure("placement", T("学生安置：最优与稳定", "Placement: optimal and stable"),
         T("同一批毕业生的最优分配（总价值最大）与稳定匹配（无阻塞对）：差距是稳定性的代价。",
           "The same cohort placed for the most total value and as a stable matching (no blocking pairs): the gap is what stability costs."),
         base({xAxis: axisNames(measures.map((m) => m[1])), yAxis: {type: "value", name: "%", max: 100},
               series: modes.map(([mode, name]) => ({name, type: "bar", data: measures.map(([k]) => +(100 * placement[mode][k]).toFixed(2))}))}),
         [{label: T("方式", "mode"), value: (r) => r.name, show: String},
          {label: T("毕业生", "graduates"), value: (r) => r.graduates},
          {label: T("已安置", "placed"), value: (r) => r.placed},
          {label: T("安置率", "placement rate"), value: (r) => r.placement_rate, show: pct},
          {label: T("留台率", "retention"), value: (r) => r.retention_rate, show: pct},
          {label: T("平均匹配度", "mean fit"), value: (r) => r.mean_fit, show: (x) => fmt(x, 3)},
          {label: T("总价值", "total value"), value: (r) => r.total_value, show: (x) => fmt(x, 2)},
          {label: T("阻塞对", "blocking pairs"), value: (r) => r.blocking_pairs}],
         modes.map(([mode, name]) => Object.assign({name}, placement[mode])), 360);

  // Draw: SVG, no animation, so the page is complete once every option is set.
  for (const [canvas, option] of charts) echarts.init(canvas, null, {renderer: "svg"}).setOption(option);
  window.addEventListener("resize", () => charts.forEach(([c]) => echarts.getInstanceByDom(c).resize()));
  document.body.dataset.ready = "1";
})();
