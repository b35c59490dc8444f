namespace TongkuangAlliance.Core.Common;

/// <summary>
/// A rule of the domain was broken. <see cref="MessageKey"/> is a localization key: the web layer
/// turns it into a model error in the user's language, never a 500.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string messageKey) : base(messageKey) => MessageKey = messageKey;

    public DomainException(string messageKey, string? field) : base(messageKey)
    {
        MessageKey = messageKey;
        Field = field;
    }

    public DomainException() : this("Error.Unknown") { }

    public DomainException(string message, Exception innerException) : base(message, innerException) => MessageKey = message;

    public string MessageKey { get; }

    /// <summary>The input field the error belongs to, when there is one.</summary>
    public string? Field { get; }
}
