import { describe, expect, it } from "vitest";
import { DEFAULT_SEND_WINDOW, parseSendWindowSettings, scheduleSendTime, type SendWindowSettings } from "./schedule-send-time.ts";

const weekdaysOnly: SendWindowSettings = { ...DEFAULT_SEND_WINDOW, sendOnWeekends: false };
// 2025-07-04 is a Friday, 07-05 Saturday, 07-06 Sunday, 07-07 Monday

describe("schedule send time", () => {
  it("sends at once inside the window", () => {
    expect(scheduleSendTime("2025-07-04", "10:15", DEFAULT_SEND_WINDOW)).toEqual({ date: "2025-07-04", time: "10:15" });
    expect(scheduleSendTime("2025-07-04", "19:59", DEFAULT_SEND_WINDOW)).toEqual({ date: "2025-07-04", time: "19:59" });
  });

  it("moves a Friday evening to Monday 08:00 when weekends are off", () => {
    expect(scheduleSendTime("2025-07-04", "21:30", weekdaysOnly)).toEqual({ date: "2025-07-07", time: "08:00" });
    expect(scheduleSendTime("2025-07-04", "20:00", weekdaysOnly)).toEqual({ date: "2025-07-07", time: "08:00" }); // start is quiet
  });

  it("applies the Sunday rule", () => {
    // default: Saturdays yes, Sundays no
    expect(scheduleSendTime("2025-07-04", "21:30", DEFAULT_SEND_WINDOW)).toEqual({ date: "2025-07-05", time: "08:00" });
    expect(scheduleSendTime("2025-07-05", "20:30", DEFAULT_SEND_WINDOW)).toEqual({ date: "2025-07-07", time: "08:00" });
    expect(scheduleSendTime("2025-07-06", "11:00", DEFAULT_SEND_WINDOW)).toEqual({ date: "2025-07-07", time: "08:00" });
    // Sundays on: Saturday evening → Sunday morning
    expect(scheduleSendTime("2025-07-05", "20:30", { ...DEFAULT_SEND_WINDOW, sendOnSundays: true })).toEqual({ date: "2025-07-06", time: "08:00" });
    // sendOnSundays means nothing while weekends are off
    expect(scheduleSendTime("2025-07-05", "10:00", { ...weekdaysOnly, sendOnSundays: true })).toEqual({ date: "2025-07-07", time: "08:00" });
  });

  it("handles quiet hours spanning midnight", () => {
    // 02:30 Tuesday is inside 20:00–08:00: the same morning at 08:00
    expect(scheduleSendTime("2025-07-08", "02:30", DEFAULT_SEND_WINDOW)).toEqual({ date: "2025-07-08", time: "08:00" });
    expect(scheduleSendTime("2025-07-08", "08:00", DEFAULT_SEND_WINDOW)).toEqual({ date: "2025-07-08", time: "08:00" }); // end is open
    expect(scheduleSendTime("2025-07-08", "23:59", DEFAULT_SEND_WINDOW)).toEqual({ date: "2025-07-09", time: "08:00" });
    // 31 Dec late evening → 1 Jan is a holiday → 2 Jan
    expect(scheduleSendTime("2025-12-31", "22:00", { ...DEFAULT_SEND_WINDOW, holidays: ["2026-01-01"] })).toEqual({ date: "2026-01-02", time: "08:00" });
  });

  it("handles daytime quiet hours and none at all", () => {
    const lunch: SendWindowSettings = { ...DEFAULT_SEND_WINDOW, quietHours: { start: "12:00", end: "14:00" } };
    expect(scheduleSendTime("2025-07-08", "12:30", lunch)).toEqual({ date: "2025-07-08", time: "14:00" });
    expect(scheduleSendTime("2025-07-08", "23:30", lunch)).toEqual({ date: "2025-07-08", time: "23:30" });
    // a Sunday, not allowed, then Monday from midnight since nothing is quiet at 00:00
    expect(scheduleSendTime("2025-07-06", "13:00", lunch)).toEqual({ date: "2025-07-07", time: "00:00" });
    const never: SendWindowSettings = { ...DEFAULT_SEND_WINDOW, quietHours: { start: "00:00", end: "00:00" } };
    expect(scheduleSendTime("2025-07-08", "03:00", never)).toEqual({ date: "2025-07-08", time: "03:00" });
  });

  it("refuses bad times and settings, naming the field", () => {
    expect(() => scheduleSendTime("2025-07-08", "24:00", DEFAULT_SEND_WINDOW)).toThrow("Invalid time: now: must be a time HH:MM");
    expect(() => parseSendWindowSettings({ ...DEFAULT_SEND_WINDOW, quietHours: { start: "8h", end: "20:00" } })).toThrow("quietHours.start: must be a time HH:MM");
  });
});
