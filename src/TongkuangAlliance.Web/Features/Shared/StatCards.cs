namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>Whether a figure or a change in it is good news, bad news or neither (green, red, grey; always with a sign or word too).</summary>
public enum StatTone
{
    Neutral = 0,
    Good = 1,
    Bad = 2,
}

/// <summary>A figure's change against the same period last year: the caption (with ▲/▼ or "持平"), last year's value and the tone.</summary>
public sealed record StatComparison(string Text, string Title, StatTone Tone);

/// <summary>
/// One stat card (dashboards and home pages, issue 19): a small label, one large number (linked to the list behind it),
/// and small captions — the part and the whole of a rate, the change against last year, a one-line explanation.
/// </summary>
public sealed record FigureCard(string Id, string Label, string Value, string? Url, string? Hint = null,
    int? Part = null, string? PartUrl = null, int? Whole = null, string? WholeUrl = null)
{
    public StatComparison? Versus { get; init; }

    /// <summary>Bad when the number itself calls for action (overdue work): a red edge and a ⚠ before the label.</summary>
    public StatTone Tone { get; init; }
}

/// <summary>A grid of stat cards with the element id the page gives it.</summary>
public sealed record StatGrid(string Id, IReadOnlyList<FigureCard> Cards);

/// <summary>One line of a home page's work queue (今日待办): what to do, how many, and the list that holds exactly those.</summary>
public sealed record ToDoLink(string Id, string Label, int Count, string? Url, bool UrgentWhenAny = false);

/// <summary>A home page's work queue, with its heading.</summary>
public sealed record ToDoList(string Heading, IReadOnlyList<ToDoLink> Links);
