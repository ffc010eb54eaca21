/// The style and the script of `hophop explain --format html`, kept inside
/// the page so it works offline and from a USB stick: no request leaves it.
/// The script only adds stepping; the page reads the same without it.
extension ExplainHTMLRenderer {
  static let style = """
    :root { color-scheme: light; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1d1d1d;
           background: #fff; margin: 0 auto; max-width: 1280px; padding: 0.8rem 1.5rem 2rem; }
    h1 { font-size: 1.25rem; margin: 0.3rem 0; }
    h2 { font-size: 1.1rem; border-top: 1px solid #ccc; padding-top: 0.8rem; }
    ul.verdicts { list-style: none; padding: 0; margin: 0.2rem 0; display: flex; gap: 1.2rem; flex-wrap: wrap; }
    .help { color: #555; font-size: 0.9rem; margin: 0.3rem 0; }
    .help .keys { display: none; }
    kbd { border: 1px solid #bbb; border-radius: 3px; padding: 0 0.3em; font-size: 0.85em; background: #f4f4f4; }
    .count { font-weight: normal; color: #666; font-size: 0.9rem; margin-left: 0.5rem; }
    .columns { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
    pre.program { flex: 1 1 22rem; background: #f7f7f7; padding: 0.6rem 0.8rem; border-radius: 4px; margin: 0;
                  overflow-x: auto; font-size: 0.9rem; line-height: 1.35; }
    .line .number { display: inline-block; width: 2.5em; color: #999; user-select: none; }
    .line.current .number { color: #b35c00; font-weight: bold; }
    mark { background: #ffe08a; color: inherit; }
    .state { flex: 1 1 28rem; min-width: 0; }
    ol.states, p.states { margin-top: 0; }
    .states code { white-space: pre-wrap; }
    .remarks { color: #555; font-size: 0.9rem; }
    figure.picture { margin: 0.5rem 0; }
    figure.picture svg { max-width: 100%; height: auto; }
    .failure .error { color: #b00020; font-weight: bold; }
    #position { display: flex; gap: 0.6rem; align-items: center; margin: 0.4rem 0; }
    #position button { font: inherit; padding: 0.1rem 0.8rem; }
    body.stepping .help .keys { display: inline; }
    body.stepping section.step { display: none; }
    body.stepping section.step.current { display: block; }
    body.stepping h2 { border-top: none; padding-top: 0; }
    @media print { body.stepping section.step { display: block; } #position { display: none; } }
    """

  static let script = """
    (function () {
      "use strict";
      var steps = Array.prototype.slice.call(document.querySelectorAll("section.step"));
      var position = document.getElementById("position");
      if (steps.length === 0 || !position) { return; }
      var current = -1;
      var previous = document.createElement("button");
      var next = document.createElement("button");
      var counter = document.createElement("span");
      previous.type = next.type = "button";
      previous.textContent = "\\u2190 previous";
      next.textContent = "next \\u2192";
      position.appendChild(previous);
      position.appendChild(counter);
      position.appendChild(next);

      function fromFragment() {
        for (var i = 0; i < steps.length; i++) {
          if ("#" + steps[i].id === window.location.hash) { return i; }
        }
        return -1;
      }

      function show(index, moveFragment) {
        current = Math.max(0, Math.min(steps.length - 1, index));
        for (var i = 0; i < steps.length; i++) {
          steps[i].classList.toggle("current", i === current);
          if (i === current) { steps[i].setAttribute("aria-current", "step"); } else { steps[i].removeAttribute("aria-current"); }
        }
        counter.textContent = "step " + (current + 1) + " of " + steps.length;
        previous.disabled = current === 0;
        next.disabled = current === steps.length - 1;
        if (moveFragment && window.location.hash !== "#" + steps[current].id) {
          window.location.replace("#" + steps[current].id);
        }
      }

      previous.addEventListener("click", function () { show(current - 1, true); });
      next.addEventListener("click", function () { show(current + 1, true); });
      document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
        var target;
        switch (event.key) {
          case "ArrowRight": case "j": target = current + 1; break;
          case "ArrowLeft": case "k": target = current - 1; break;
          case "Home": target = 0; break;
          case "End": target = steps.length - 1; break;
          default: return;
        }
        event.preventDefault();
        show(target, true);
      });
      window.addEventListener("hashchange", function () {
        var index = fromFragment();
        if (index >= 0 && index !== current) { show(index, false); }
      });
      document.body.classList.add("stepping");
      var start = fromFragment();
      show(start >= 0 ? start : 0, false);
    })();
    """
}
