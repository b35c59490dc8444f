// The namespaces most files of this project use (issue 16: files stop repeating them).
global using System.Globalization;
global using System.Security.Claims;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Authorization.Infrastructure;
global using Microsoft.EntityFrameworkCore;
global using TongkuangAlliance.Core.Auditing;
global using TongkuangAlliance.Core.Cases;
global using TongkuangAlliance.Core.Common;
global using TongkuangAlliance.Core.Data;
global using TongkuangAlliance.Core.Identity;
global using TongkuangAlliance.Core.Scoping;
global using TongkuangAlliance.Core.Structure;
global using TongkuangAlliance.Web.Authorization;
