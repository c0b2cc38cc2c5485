/** Samples the resident set size while work runs, for the "memory stays flat" figure. */
export const trackPeakRss = () => {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return {
    stop: (): number => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
};
