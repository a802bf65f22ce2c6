using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RolesInBothLanguagesAndHelp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RoleEn",
                table: "members",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoleEt",
                table: "members",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "action_progress",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RoleEn",
                table: "members");

            migrationBuilder.DropColumn(
                name: "RoleEt",
                table: "members");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "action_progress");
        }
    }
}
