namespace TongkuangAlliance.Core.Structure;

/// <summary>A named person with a phone: a grid chief, a building chief, a unit's contact.</summary>
public sealed class Contact
{
    public Contact(string name, string phone)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Validation.Contact.NameRequired", nameof(Name));
        if (!ChinesePhone.IsValid(phone)) throw new DomainException("Validation.Phone", nameof(Phone));
        Name = name.Trim();
        Phone = phone;
    }

    public string Name { get; }
    public string Phone { get; }

    /// <summary>Both given makes a contact, both empty means the post is vacant; one without the other is an error.</summary>
    public static Contact? FromInput(string? name, string? phone)
    {
        var hasName = !string.IsNullOrWhiteSpace(name);
        var hasPhone = !string.IsNullOrWhiteSpace(phone);
        if (!hasName && !hasPhone) return null;
        if (!hasName) throw new DomainException("Validation.Contact.NameRequired", "Name");
        if (!hasPhone) throw new DomainException("Validation.Contact.PhoneRequired", "Phone");
        return new Contact(name!, phone!.Trim());
    }
}
