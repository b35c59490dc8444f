using Microsoft.AspNetCore.DataProtection;

namespace TongkuangAlliance.Web.Infrastructure.Security;

/// <summary>
/// Protects personal numbers at rest (a party's 身份证号, issue 18) with ASP.NET Core Data Protection: the keys live in
/// their own table (PersistKeysToDbContext), never beside the values they protect.
/// </summary>
public sealed class PersonalNumberProtector(IDataProtectionProvider provider) : IPersonalNumberProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("TongkuangAlliance.PersonalData.IdNumber.v1");

    public string Protect(string plain) => protector.Protect(plain);

    public string Unprotect(string protectedValue) => protector.Unprotect(protectedValue);
}
