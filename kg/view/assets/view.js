/* kg view: draws the graph embedded in #kg-data with vis-network.
 * Every string from the graph reaches the page through textContent or the canvas, never innerHTML.
 * window.kgView exposes the network and state (tests and curious users use it). */
(function () {
  "use strict";
  var t0 = performance.now();
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta;
  var state = window.kgView = {data: data, settled: false, loadToSettledMs: null, focused: null,
                               offLabels: {}, offTypes: {}};
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }

  // -- title bar -------------------------------------------------------------------------------
  $("kg-title").textContent = meta.title;
  var sub = [];
  var c = meta.counts;
  function count(n, total, what) {
    return (n < total ? fmt(n) + " of " + fmt(total) : fmt(n)) + " " + what + (total === 1 ? "" : "s");
  }
  sub.push(count(c.nodes, c.total_nodes, "node"));
  sub.push(count(c.edges, c.total_edges, "edge"));
  if (meta.dates) { sub.push(meta.dates[0] === meta.dates[1] ? meta.dates[0] : meta.dates[0] + " – " + meta.dates[1]); }
  if (meta.articles_in_graph) { sub.push(fmt(meta.articles_in_graph) + " articles"); }
  sub = sub.concat(meta.focus);
  $("kg-subtitle").textContent = sub.join(" · ");
  if (meta.warning) { $("kg-warning").textContent = meta.warning; $("kg-warning").hidden = false; }

  var labelStyle = {}, typeStyle = {};
  data.labels.forEach(function (l) { labelStyle[l.name] = l; });
  data.types.forEach(function (t) { typeStyle[t.name] = t; });

  // -- vis data ---------------------------------------------------------------------------------
  var groups = {};
  data.labels.forEach(function (l) {
    groups[l.name] = {shape: l.shape, color: {background: l.color, border: l.color,
      highlight: {background: l.color, border: "#000"}, hover: {background: l.color, border: "#000"}}};
  });
  var visNodes = data.nodes.map(function (n, i) {
    // size grows with the logarithm of mentions: 1 → 14 px, 10 → 27, 100 → 44 (capped at 48)
    return {id: i, label: n.caption || n.name, group: n.label, size: Math.min(48, 10 + 5 * Math.log2(1 + n.mentions)),
            x: n.x, y: n.y};
  });
  if (meta.center !== null && meta.center !== undefined) {  // the node of --around stands out
    var c0 = visNodes[meta.center], col = (labelStyle[data.nodes[meta.center].label] || {}).color || "#888";
    c0.borderWidth = 4;
    c0.color = {background: col, border: "#111", highlight: {background: col, border: "#000"}};
    c0.font = {size: 18, strokeWidth: 4};
  }
  var pairCount = {};
  var visEdges = data.edges.map(function (e, j) {
    var pair = e.from < e.to ? e.from + "-" + e.to : e.to + "-" + e.from;
    var k = pairCount[pair] = (pairCount[pair] || 0) + 1;
    var color = (typeStyle[e.type] || {}).color || "#888";
    var edge = {id: j, from: e.from, to: e.to, color: {color: color, highlight: color, hover: color, opacity: 0.85}};
    // MENTIONED_IN links everything to its articles: dashed and unlabelled, or it drowns the rest
    if (e.type === "MENTIONED_IN") { edge.dashes = [4, 4]; edge.width = 0.8; }
    else if (meta.edge_labels) { edge.label = e.type; }
    if (k > 1) { edge.smooth = {enabled: true, type: "curvedCW", roundness: 0.18 * (k - 1)}; }
    return edge;
  });
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  var physics = meta.physics && data.nodes.length > 0;  // no nodes: vis never reports stabilisation
  var options = {
    autoResize: true,
    groups: groups,
    nodes: {
      shape: "dot",
      scaling: {label: {drawThreshold: 7, maxVisible: 28}},
      font: {size: 14, face: "system-ui, Noto Sans CJK SC, Microsoft YaHei, sans-serif", strokeWidth: 3, strokeColor: "#fff"},
      borderWidth: 1
    },
    edges: {
      arrows: {to: {enabled: true, scaleFactor: 0.5}},
      width: 1.2, hoverWidth: 1.5, selectionWidth: 2,
      smooth: false,
      font: {size: 10, color: "#666", strokeWidth: 3, strokeColor: "#fff", align: "middle"}
    },
    layout: {improvedLayout: false, randomSeed: 7},
    physics: physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: {gravitationalConstant: -60, springLength: 90, springConstant: 0.06, avoidOverlap: 0.4},
      stabilization: {enabled: true, iterations: 300, updateInterval: 50, fit: true},
      minVelocity: 1
    } : {enabled: false},
    interaction: {hover: true, tooltipDelay: 80, navigationButtons: false, keyboard: false,
                  hideEdgesOnDrag: !physics, hideEdgesOnZoom: !physics, multiselect: false}
  };

  var container = $("kg-net");
  var network;
  try {
    network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  } catch (err) {
    $("kg-loading").textContent = "Could not draw the graph: " + err;
    throw err;
  }
  state.network = network; state.nodes = nodes; state.edges = edges;
  $("kg-physics").checked = physics;

  function settle() {
    if (state.settled) { return; }
    state.settled = true;
    state.loadToSettledMs = Math.round(performance.now());
    state.renderMs = Math.round(performance.now() - t0);
    var loading = $("kg-loading");
    if (loading && data.nodes.length === 0) {
      loading.textContent = "Nothing to show: the graph" + (meta.focus.length ? " in this focus" : "") + " is empty.";
    } else if (loading) { loading.remove(); }
    document.documentElement.setAttribute("data-kg-state", "settled");
  }
  function settleAfterDraw() { network.once("afterDrawing", function () { settle(); }); network.redraw(); }
  if (physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      $("kg-physics").checked = false;
      network.fit({animation: false});
      settleAfterDraw();
    });
    setTimeout(settle, 20000);  // belt and braces: never leave the page "loading"
  } else {
    network.fit({animation: false});
    settleAfterDraw();
  }

  // -- cards: tooltips and the details panel ------------------------------------------------------
  function badge(text, color) {
    var b = el("span", "kg-kind", text);
    b.style.background = color || "#888";
    return b;
  }
  function addRow(dl, key, value) {
    if (value === undefined || value === null || value === "") { return; }
    dl.appendChild(el("dt", null, key));
    dl.appendChild(el("dd", null, value));
  }
  function articleLine(id) {
    var a = data.articles[id];
    if (!a) { return id; }
    return [a.date, a.title || id, a.source].filter(Boolean).join(" · ");
  }
  function nodeCard(i, full) {
    var n = data.nodes[i];
    var card = el("div", "kg-card");
    card.appendChild(el("h3", null, n.name));
    card.appendChild(badge(n.label, (labelStyle[n.label] || {}).color));
    var dl = el("dl");
    addRow(dl, "title", n.title);
    if (n.titles) { addRow(dl, "titles", n.titles.join("、")); }
    addRow(dl, "date", n.date);
    if (n.span) { addRow(dl, "dates", n.span[0] === n.span[1] ? n.span[0] : n.span[0] + " – " + n.span[1]); }
    addRow(dl, "mentions", n.mentions);
    addRow(dl, "links", network.getConnectedEdges(i).length);
    if (n.extra) { Object.keys(n.extra).slice(0, full ? 30 : 6).forEach(function (k) { addRow(dl, k, n.extra[k]); }); }
    if (full) { addRow(dl, "id", n.key); }
    card.appendChild(dl);
    var arts = n.articles || [];
    if (arts.length) {
      card.appendChild(el("div", "kg-muted", arts.length === 1 ? "1 article" : arts.length + " articles"));
      var ol = el("ol");
      var limit = full ? 100 : 5;
      arts.slice(0, limit).forEach(function (a) { ol.appendChild(el("li", null, articleLine(a))); });
      card.appendChild(ol);
      if (arts.length > limit) { card.appendChild(el("div", "kg-muted", "… and " + (arts.length - limit) + " more")); }
    }
    return card;
  }
  function edgeCard(j, full) {
    var e = data.edges[j];
    var card = el("div", "kg-card");
    card.appendChild(el("h3", null, data.nodes[e.from].name + " → " + data.nodes[e.to].name));
    var t = typeStyle[e.type] || {};
    card.appendChild(badge(e.type + (t.gloss ? " " + t.gloss : ""), t.color));
    var dl = el("dl");
    addRow(dl, "date", e.date);
    if (e.article) { addRow(dl, "article", articleLine(e.article)); }
    if (full) { addRow(dl, "rule", e.rule); addRow(dl, "article id", e.article); }
    card.appendChild(dl);
    if (e.evidence) { card.appendChild(el("blockquote", "kg-evidence", e.evidence)); }
    return card;
  }

  var tip = $("kg-tip");
  function showTip(card, pointer) {
    tip.replaceChildren(card);
    tip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 4) { x = Math.max(4, x - w - 28); }
    if (y + h > window.innerHeight - 4) { y = Math.max(4, y - h - 28); }
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  var details = $("kg-details");
  function showDetails(card) {
    $("kg-details-body").replaceChildren(card);
    details.hidden = false;
  }
  $("kg-details-close").addEventListener("click", function () { details.hidden = true; network.unselectAll(); });

  network.on("hoverNode", function (p) { showTip(nodeCard(p.node, false), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeCard(p.edge, false), p.pointer.DOM); });
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", function (p) {
    hideTip();
    if (p.nodes.length) { state.focused = p.nodes[0]; showDetails(nodeCard(p.nodes[0], true)); }
    else if (p.edges.length) { showDetails(edgeCard(p.edges[0], true)); }
    else { details.hidden = true; }
  });

  // -- legend and filters -----------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function icon(shape, color) {
    var s = document.createElementNS(SVG, "svg");
    s.setAttribute("width", "16"); s.setAttribute("height", "16"); s.setAttribute("viewBox", "0 0 16 16");
    var shapes = {
      dot: ["circle", {cx: 8, cy: 8, r: 6}],
      square: ["rect", {x: 2, y: 2, width: 12, height: 12}],
      diamond: ["polygon", {points: "8,1 15,8 8,15 1,8"}],
      triangle: ["polygon", {points: "8,1 15,14 1,14"}],
      triangleDown: ["polygon", {points: "1,2 15,2 8,15"}],
      hexagon: ["polygon", {points: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"}],
      star: ["polygon", {points: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.6 3.2,15 5,9.5 0.5,6 6,6"}]
    };
    var def = shapes[shape] || shapes.dot;
    var p = document.createElementNS(SVG, def[0]);
    Object.keys(def[1]).forEach(function (k) { p.setAttribute(k, def[1][k]); });
    p.setAttribute("fill", color);
    s.appendChild(p);
    return s;
  }
  function applyFilters() {
    var nodeUpdates = data.nodes.map(function (n, i) { return {id: i, hidden: !!state.offLabels[n.label]}; });
    nodes.update(nodeUpdates);
    edges.update(data.edges.map(function (e, j) {
      return {id: j, hidden: !!state.offTypes[e.type] || nodeUpdates[e.from].hidden || nodeUpdates[e.to].hidden};
    }));
  }
  data.labels.forEach(function (l) {
    var li = el("li");
    li.setAttribute("data-label", l.name);
    li.title = "Hide or show " + l.name;
    li.appendChild(icon(l.shape, l.color));
    li.appendChild(el("span", null, l.name));
    li.appendChild(el("span", "kg-count", fmt(l.count)));
    li.addEventListener("click", function () {
      state.offLabels[l.name] = !state.offLabels[l.name];
      li.classList.toggle("kg-off", state.offLabels[l.name]);
      applyFilters();
    });
    $("kg-legend-labels").appendChild(li);
  });
  data.types.forEach(function (t) {
    var li = el("li");
    li.setAttribute("data-type", t.name);
    li.title = "Hide or show " + t.name;
    var line = el("span", "kg-line");
    line.style.background = t.color;
    li.appendChild(line);
    li.appendChild(el("span", null, t.name));
    if (t.gloss) { li.appendChild(el("span", "kg-gloss", t.gloss)); }
    li.appendChild(el("span", "kg-count", fmt(t.count)));
    li.addEventListener("click", function () {
      state.offTypes[t.name] = !state.offTypes[t.name];
      li.classList.toggle("kg-off", state.offTypes[t.name]);
      applyFilters();
    });
    $("kg-legend-types").appendChild(li);
  });

  // -- search -----------------------------------------------------------------------------------
  var search = $("kg-search"), list = $("kg-suggestions");
  var lowered = data.nodes.map(function (n) { return (n.name + " " + n.key).toLowerCase(); });
  var matches = [], active = 0;
  function focusNode(i) {
    var n = data.nodes[i];
    if (state.offLabels[n.label]) {
      state.offLabels[n.label] = false;
      var li = document.querySelector('#kg-legend-labels li[data-label="' + CSS.escape(n.label) + '"]');
      if (li) { li.classList.remove("kg-off"); }
      applyFilters();
    }
    network.selectNodes([i]);
    network.focus(i, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    state.focused = i;
    showDetails(nodeCard(i, true));
  }
  state.focusNode = focusNode;
  function render() {
    list.replaceChildren();
    matches.forEach(function (i, k) {
      var li = el("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", k === active ? "true" : "false");
      li.appendChild(el("span", null, data.nodes[i].name));
      li.appendChild(el("span", "kg-s-label", data.nodes[i].label));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      list.appendChild(li);
    });
    list.hidden = matches.length === 0;
  }
  function choose(i) {
    list.hidden = true;
    search.value = data.nodes[i].name;
    focusNode(i);
  }
  search.addEventListener("input", function () {
    var q = search.value.trim().toLowerCase();
    matches = []; active = 0;
    if (q) {
      var scored = [];
      for (var i = 0; i < lowered.length; i++) {
        var name = data.nodes[i].name.toLowerCase();
        var rank = name === q ? 0 : name.indexOf(q) === 0 ? 1 : lowered[i].indexOf(q) >= 0 ? 2 : -1;
        if (rank >= 0) { scored.push([rank, -data.nodes[i].mentions, name.length, i]); }
      }
      scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
      matches = scored.slice(0, 12).map(function (s) { return s[3]; });
    }
    render();
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (matches.length) { active = (active + (ev.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length; render(); }
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (matches.length) { choose(matches[active]); }
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      search.value = ""; matches = []; render();
    }
  });
  search.addEventListener("blur", function () { list.hidden = true; });

  $("kg-fit").addEventListener("click", function () { network.fit({animation: {duration: 300}}); });
  $("kg-physics").addEventListener("change", function (ev) {
    network.setOptions({physics: physics ? {enabled: ev.target.checked} :
      {enabled: ev.target.checked, solver: "barnesHut", stabilization: false}});
  });
}());
