// The hall display: the state arrives by Server-Sent Events; the timer counts on here.
"use strict";
(function () {
  const hall = document.getElementById("hall");
  const $ = (id) => document.getElementById(id);
  let base = Number(hall.dataset.elapsed) || 0;
  let running = hall.dataset.running === "1";
  let limit = Number(hall.dataset.limit) || 0;
  let since = Date.now();
  let shown = "";

  const pad = (n) => String(n).padStart(3, "0");
  // as the terminal display draws it (session_console/clock.py): 00:13, 05:00
  const clock = (s) => String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");

  function tick() {
    const spoken = base + (running ? Math.floor((Date.now() - since) / 1000) : 0);
    const timer = $("timer");
    if (!shown) {
      timer.textContent = "";
      return;
    }
    timer.textContent = clock(spoken);
    timer.className = limit && spoken > limit ? "over" : limit && spoken >= limit - 30 ? "warn" : ""; // widgets/speaker.py WARN_SECONDS
  }

  function render(state) {
    const labels = { called: hall.dataset.called, speaking: hall.dataset.speaking, paused: hall.dataset.paused, updating: hall.dataset.updating };
    document.body.className = "display state-" + (state.state || "none");
    $("meeting").textContent = state.meeting || (state.state === "updating" ? "" : hall.dataset.noMeeting);
    $("state").textContent = state.state ? labels[state.state] : state.meeting ? hall.dataset.nobody : "";
    $("number").textContent = state.number ? pad(state.number) : "---";
    $("name").textContent = state.name || "";
    const next = $("next");
    next.replaceChildren(...state.next.map((n) => {
      const b = document.createElement("b");
      b.textContent = pad(n);
      return b;
    }));
    base = state.elapsed;
    running = state.running;
    limit = state.limit;
    since = Date.now();
    shown = state.state === "speaking" || state.state === "paused" ? state.state : "";
    tick();
  }

  const source = new EventSource(hall.dataset.stream);
  source.addEventListener("state", (event) => render(JSON.parse(event.data)));
  source.addEventListener("error", () => {
    document.body.classList.add("offline");
    hall.dataset.live = "0";
  });
  source.addEventListener("open", () => {
    document.body.classList.remove("offline");
    hall.dataset.live = "1";
  });
  const body = document.body.classList;
  shown = body.contains("state-speaking") || body.contains("state-paused") ? "yes" : "";
  setInterval(tick, 250);
})();
