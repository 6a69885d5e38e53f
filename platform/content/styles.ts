// The launcher's and panel frame's styles, scoped by the shadow root.
export const STYLES = `
:host { all: initial; }
.launcher { position: fixed; top: 40%; right: 0; z-index: 2147483646; display: flex; flex-direction: column; align-items: center; gap: 4px;
  padding: 8px 6px; border: 1px solid #c9c9c9; border-right: 0; border-radius: 8px 0 0 8px; background: #fff; color: #181818;
  font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; cursor: pointer;
  box-shadow: -2px 2px 6px rgba(0,0,0,.15); }
.launcher:focus-visible { outline: 3px solid #0b5cab; outline-offset: 1px; }
/* One colour for every record: the page can read computed styles, so the band never shows here. */
.dot { width: 12px; height: 12px; border-radius: 50%; background: #0b5cab; border: 2px solid #fff; box-shadow: 0 0 0 1px #0b5cab; }
.panel { position: fixed; top: 0; right: 0; bottom: 0; z-index: 2147483645; background: #fff; border-left: 1px solid #c9c9c9;
  box-shadow: -4px 0 12px rgba(0,0,0,.12); }
.panel[hidden] { display: none; }
.panel iframe { border: 0; width: 100%; height: 100%; display: block; }
.handle { position: absolute; left: -4px; top: 0; bottom: 0; width: 8px; cursor: ew-resize; }
.handle:focus-visible { outline: 3px solid #0b5cab; }
`;
