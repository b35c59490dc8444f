using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AuditSubDistrict : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SubDistrictId",
                table: "AuditEntries",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SubDistrictId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "SubDistrictId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_SubDistrictId_AtUtc",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SubDistrictId",
                table: "AuditEntries");
        }
    }
}
