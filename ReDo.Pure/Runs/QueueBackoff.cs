namespace ReDo.Pure.Runs;

/// <summary>How long a worker waits after its n-th outage in a row (n from 0): the poll interval, doubled each time, at most 5 minutes.</summary>
public static class QueueBackoff
{
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    public static TimeSpan Delay(int outage, TimeSpan poll)
    {
        var seconds = poll.TotalSeconds * Math.Pow(2, Math.Clamp(outage, 0, 30));
        return seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds);
    }
}
