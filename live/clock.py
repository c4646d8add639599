"""Times of a live entry as readers see them, all derived from the mission's launch
time: mission time ("T-0:45:00", "T+8:48") and the launch site's local time."""

import zoneinfo


def mission_time(moment, launch_at):
    """``moment`` relative to ``launch_at``, as a launch clock shows it.

    Before liftoff the countdown shows hours, minutes and seconds ("T-0:45:00");
    after it, minutes and seconds for the first hour ("T+8:48", as staging and orbit
    are called), hours beyond. None without a launch time.
    """
    if moment is None or launch_at is None:
        return None
    seconds = int((moment - launch_at).total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    if sign == "+" and hours == 0:
        return f"T+{minutes}:{seconds:02d}"
    return f"T{sign}{hours}:{minutes:02d}:{seconds:02d}"


def site_time(moment, launch_site):
    """``moment`` in the launch site's own time zone, or None without a site."""
    if moment is None or launch_site is None:
        return None
    return moment.astimezone(zoneinfo.ZoneInfo(launch_site.timezone))
