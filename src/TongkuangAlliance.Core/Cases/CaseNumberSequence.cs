namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// The next case number of one year (China time). <see cref="Next"/> is its own concurrency token, so two
/// intakes that read the same value cannot both use it: the second save is refused and retried.
/// </summary>
public class CaseNumberSequence
{
    private CaseNumberSequence() { }

    internal CaseNumberSequence(int year)
    {
        Year = year;
        Next = 1;
    }

    public int Year { get; private set; }
    public int Next { get; private set; }

    internal int Take() => Next++;
}
