using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Web.Infrastructure.Localization;

namespace TongkuangAlliance.Web.Infrastructure.Notifications;

/// <summary>Renders a notification in its recipient's language from the resource files (Notification.Text.{Kind}).</summary>
public sealed class MessageRenderer(IStringLocalizerFactory factory)
{
    private readonly IStringLocalizer _l = factory.Create(typeof(SharedResource));

    /// <summary>One of the portal's languages: the account's own, or Chinese.</summary>
    public static string CultureOf(string? preferred) =>
        PortalCultures.Supported.FirstOrDefault(c => string.Equals(c.Name, preferred, StringComparison.OrdinalIgnoreCase))?.Name ?? PortalCultures.Chinese;

    /// <summary>A resource in <paramref name="culture"/>.</summary>
    public string Text(string culture, string key, params object[] arguments)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return _l[key, arguments].Value;
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    /// <summary>The subject line and the sentence of a notification.</summary>
    public (string Subject, string Body) Render(NotificationKind kind, string parameters, string culture)
    {
        var kindName = Text(culture, $"Notification.Kind.{kind}");
        return (Text(culture, "Notification.Email.Subject", kindName),
            Text(culture, $"Notification.Text.{kind}", NotificationParameters.Read(parameters).Cast<object>().ToArray()));
    }

    /// <summary>The absolute address of the record a notification is about (the inbox opens the same pages).</summary>
    /// An activity opens the inbox item itself (a volunteer has no activity pages: the inbox sends each reader to the
    /// page that is theirs), a digest its digest page.
    public static string RecordLink(string baseUrl, Notification n) => baseUrl.TrimEnd('/') + n.Subject switch
    {
        { Kind: NotificationSubjectKind.Case, Id: var c } => $"/Cases/Details/{c}",
        { Kind: NotificationSubjectKind.AgreementTerm, Id: var t } => $"/Terms/Fulfil/{t}",
        { Kind: NotificationSubjectKind.ActionItem, Id: var a } => $"/Supervision/ActionItem/{a}",
        { Kind: NotificationSubjectKind.Activity } => "/Notifications",
        { Id: var d } => $"/Notifications/Digest/{d}",
    };
}
