// The namespaces most files of this project use (issue 16: files stop repeating them).
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using TongkuangAlliance.Core.Common;
global using TongkuangAlliance.Core.Structure;
global using TongkuangAlliance.Core.Notifications;
