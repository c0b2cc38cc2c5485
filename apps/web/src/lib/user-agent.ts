/** A short "Browser on OS" reading of a User-Agent header; the full string stays available as a tooltip. */
export const describeDevice = (userAgent: string): string => {
  const browser =
    /Edg\//.test(userAgent) ? "Edge"
    : /OPR\//.test(userAgent) ? "Opera"
    : /Firefox\//.test(userAgent) ? "Firefox"
    : /(Chrome|Chromium|HeadlessChrome)\//.test(userAgent) ? "Chrome"
    : /Safari\//.test(userAgent) ? "Safari"
    : /curl|node|undici|axios/i.test(userAgent) ? "Script"
    : null;
  const os =
    /Windows/.test(userAgent) ? "Windows"
    : /iPhone|iPad/.test(userAgent) ? "iOS"
    : /Mac OS X|Macintosh/.test(userAgent) ? "macOS"
    : /Android/.test(userAgent) ? "Android"
    : /CrOS/.test(userAgent) ? "ChromeOS"
    : /Linux/.test(userAgent) ? "Linux"
    : null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? (userAgent.length > 60 ? `${userAgent.slice(0, 57)}…` : userAgent);
};
