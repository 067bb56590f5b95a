/// The projector page: one self-contained HTML file (inline CSS and script,
/// nothing fetched from elsewhere, no build step). Made to be read from the
/// back of a room: large type, white on black, the Okabe–Ito colours that
/// colour-blind eyes tell apart, and every state said in words or glyphs too
/// (▲ ▼, LIVE, PAUSED), never by colour alone. Text from the game is set with
/// `textContent`, never parsed as HTML.
enum ProjectorPage {
    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>gameday — scoreboard</title>
    <style>
      :root { --bg: #000; --fg: #fff; --dim: #c8c8c8; --up: #56b4e9; --down: #e69f00; --alert: #f0e442; --panel: #161616; }
      * { box-sizing: border-box; }
      body { margin: 0; padding: 2vw 3vw; background: var(--bg); color: var(--fg);
             font: 600 clamp(18px, 2.2vw, 44px)/1.25 system-ui, "DejaVu Sans", sans-serif; }
      header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1em 2em; margin-bottom: 1em; }
      #scenario { font-size: 1.2em; flex: 1 1 auto; }
      #clock { font: 700 2.4em/1 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: .03em; }
      #remaining { color: var(--dim); }
      #phase { padding: .15em .6em; border: .12em solid var(--fg); border-radius: .3em; font-weight: 800; letter-spacing: .08em; }
      #phase[data-phase="running"] { background: var(--up); color: #000; border-color: var(--up); }
      #phase[data-phase="paused"] { background: var(--alert); color: #000; border-color: var(--alert); }
      #phase[data-phase="over"] { background: var(--fg); color: #000; }
      table { width: 100%; border-collapse: collapse; }
      th { text-align: left; color: var(--dim); font-size: .7em; text-transform: uppercase; letter-spacing: .1em; padding: .3em .5em; }
      td { padding: .35em .5em; border-top: .06em solid #444; vertical-align: middle; }
      td.rank { width: 2.5em; color: var(--dim); }
      td.name { font-size: 1.15em; }
      td.score { font: 800 1.5em/1 ui-monospace, "DejaVu Sans Mono", monospace; text-align: right; }
      td.change { text-align: right; white-space: nowrap; }
      .up { color: var(--up); } .down { color: var(--down); } .flat { color: var(--dim); }
      td.trend svg { width: 8em; height: 1.8em; display: block; }
      td.trend polyline { fill: none; stroke: var(--fg); stroke-width: 3; vector-effect: non-scaling-stroke; }
      td.incidents { white-space: nowrap; }
      .alert { color: var(--alert); } .calm { color: var(--dim); }
      .tag { font-size: .6em; color: var(--dim); margin-left: .5em; }
      #news { margin-top: 1.2em; background: var(--panel); border-left: .3em solid var(--alert); padding: .6em 1em; }
      #news h2 { margin: 0 0 .3em; font-size: .8em; color: var(--dim); text-transform: uppercase; letter-spacing: .1em; }
      #broadcasts { list-style: none; margin: 0; padding: 0; }
      #broadcasts li { margin: .25em 0; }
      #broadcasts time { color: var(--dim); margin-right: .6em; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
      #status { position: fixed; right: 1em; bottom: .5em; font-size: .55em; color: var(--dim); }
      #status[data-state="lost"] { color: var(--alert); }
    </style>
    </head>
    <body>
    <header>
      <div id="scenario">gameday</div>
      <div id="phase" data-phase="waiting">CONNECTING</div>
      <div><span id="clock">--:--:--</span> <span id="remaining"></span></div>
    </header>
    <table aria-label="Leaderboard">
      <thead><tr><th>#</th><th>Team</th><th>Score</th><th>Last 5 min</th><th>Trend</th><th>Incidents</th></tr></thead>
      <tbody id="teams"><tr><td colspan="6" class="calm">Waiting for the host…</td></tr></tbody>
    </table>
    <section id="news" hidden>
      <h2>From the facilitator</h2>
      <ul id="broadcasts"></ul>
    </section>
    <div id="status" data-state="connecting">connecting…</div>
    <script>
    "use strict";
    const glyph = { waiting: "⧗ ", running: "● ", paused: "❚❚ ", over: "■ " };
    function el(tag, cls, text) {
      const node = document.createElement(tag);
      if (cls) node.className = cls;
      if (text !== undefined) node.textContent = text;
      return node;
    }
    function sparkline(values) {
      const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("viewBox", "0 0 100 30");
      svg.setAttribute("preserveAspectRatio", "none");
      svg.setAttribute("role", "img");
      if (values.length > 1) {
        const low = Math.min(...values), high = Math.max(...values), span = high - low || 1;
        const points = values.map((v, i) => (i * 100 / (values.length - 1)).toFixed(1) + "," + (28 - (v - low) * 26 / span).toFixed(1));
        const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
        line.setAttribute("points", points.join(" "));
        svg.appendChild(line);
        svg.setAttribute("aria-label", "from " + values[0] + " to " + values[values.length - 1]);
      }
      return svg;
    }
    function change(n) {
      if (n > 0) return el("span", "up", "▲ +" + n);
      if (n < 0) return el("span", "down", "▼ −" + (-n));
      return el("span", "flat", "= 0");
    }
    function incidents(team) {
      if (team.firingIncidents === 0) return el("span", "calm", "✓ none firing");
      const text = "⚠ " + team.firingIncidents + " firing" + (team.unacknowledged ? " · " + team.unacknowledged + " new" : "");
      return el("span", "alert", text);
    }
    function render(board) {
      document.getElementById("scenario").textContent = board.scenario;
      document.getElementById("clock").textContent = board.clock;
      document.getElementById("remaining").textContent = board.phase === "over" ? "" : board.remaining + " left" + (board.speed > 1 ? " · " + board.speed + "×" : "");
      const phase = document.getElementById("phase");
      phase.dataset.phase = board.phase;
      phase.textContent = glyph[board.phase] + board.phaseText;
      const body = document.getElementById("teams");
      body.replaceChildren();
      if (board.teams.length === 0) body.appendChild(el("tr")).appendChild(el("td", "calm", "No team has joined yet")).colSpan = 6;
      for (const team of board.teams) {
        const row = el("tr");
        row.dataset.team = team.name;
        row.appendChild(el("td", "rank", String(team.rank)));
        const name = el("td", "name", team.name);
        if (team.isBot) name.appendChild(el("span", "tag", "bot"));
        else if (team.people === 0) name.appendChild(el("span", "tag", "away"));
        row.appendChild(name);
        row.appendChild(el("td", "score", team.score.toLocaleString("en-US")));
        row.appendChild(el("td", "change")).appendChild(change(team.change));
        row.appendChild(el("td", "trend")).appendChild(sparkline(team.trend));
        row.appendChild(el("td", "incidents")).appendChild(incidents(team));
        body.appendChild(row);
      }
      const list = document.getElementById("broadcasts");
      list.replaceChildren();
      for (const news of board.broadcasts) {
        const item = el("li");
        item.appendChild(el("time", null, news.time));
        item.appendChild(el("span", null, news.text));
        list.appendChild(item);
      }
      document.getElementById("news").hidden = board.broadcasts.length === 0;
    }
    function status(state, text) {
      const node = document.getElementById("status");
      node.dataset.state = state;
      node.textContent = text;
    }
    function connect() {
      const source = new EventSource("events");
      source.onopen = () => status("live", "live");
      source.onmessage = (event) => render(JSON.parse(event.data));
      source.onerror = () => {
        status("lost", "reconnecting…");
        // Refused (the host is busy) or gone: look now and then, and try the stream again.
        if (source.readyState === EventSource.CLOSED) {
          fetch("board.json").then((r) => r.json()).then(render).catch(() => {});
          setTimeout(connect, 5000);
        }
      };
    }
    connect();
    </script>
    </body>
    </html>
    """#
}
